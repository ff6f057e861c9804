package io.warcast.broadcast.amqp;

import io.warcast.api.Origin;
import io.warcast.broadcast.delivery.InboundFilter;
import io.warcast.broadcast.wire.Decoded;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines about what other senders got wrong: skipped messages, by reason, messages refused as forged or
 * untrusted, and gaps in a sender's sequence. Anyone
 * who may write to the exchange can send them by the thousand, so each kind of line goes through a {@link
 * LogLimiter}: the first in full, then at most one summary a minute. The counters count every one. Called from one
 * consumer thread at a time.
 */
final class InboundLog {

    // The same logger name as before the lines were limited: a logging.properties that names it keeps working.
    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);
    private static final String GAP = "gap";
    private static final int MAX_SENDER_LENGTH = 200;

    private final LogLimiter<Decoded.RejectReason> refusals;
    private final LogLimiter<InboundFilter.Verdict> forgeries;
    private final LogLimiter<String> gaps;

    InboundLog(Clock clock) {
        this.refusals = new LogLimiter<>(clock);
        this.forgeries = new LogLimiter<>(clock);
        this.gaps = new LogLimiter<>(clock);
    }

    /** A message skipped as unreadable, of the wrong version or kind, too large… */
    void skipped(String exchange, int length, Decoded.Rejected rejected) {
        String sender = rejected.position()
                .map(position -> " from [" + cut(position.origin().toString()) + "]")
                .orElse("");
        String sample = "a message of " + length + " bytes on exchange [" + exchange + "]" + sender + ": "
                + rejected.detail() + " (" + rejected.reason() + ")";
        refusals.event(rejected.reason(), sample).ifPresent(this::logSkipped);
    }

    /**
     * A message refused because the broker did not vouch for the origin it claims: {@link InboundFilter.Verdict#FORGED}
     * or {@link InboundFilter.Verdict#UNTRUSTED}.
     */
    void refused(String exchange, InboundFilter.Verdict verdict, Origin claimed, Optional<String> publisher) {
        String why = verdict == InboundFilter.Verdict.FORGED
                ? "that instance was first heard from another broker user"
                : "that broker user is not one of amqpbroadcast.trustedpublishers";
        String sample = "a message on exchange [" + exchange + "] naming [" + cut(claimed.toString()) + "] instance ["
                + cut(claimed.instanceId()) + "] with "
                + publisher.map(user -> "user_id [" + cut(user) + "]").orElse("no user_id") + ": " + why + " ("
                + verdict + ")";
        forgeries.event(verdict, sample).ifPresent(this::logRefused);
    }

    /** Messages from {@code origin} were lost: its sequence skipped to {@code sequence}. */
    void missed(String exchange, Origin origin, long sequence) {
        String sample = "from [" + cut(origin.toString()) + "] on exchange [" + exchange + "] (its sequence skipped to "
                + sequence + ")";
        gaps.event(GAP, sample).ifPresent(this::logMissed);
    }

    /** Logs the summaries that have waited a minute while their floods went quiet. */
    void summariesDue() {
        refusals.due().forEach(this::logSkipped);
        forgeries.due().forEach(this::logRefused);
        gaps.due().forEach(this::logMissed);
    }

    private void logSkipped(LogLimiter.Line<Decoded.RejectReason> line) {
        logMessages("skipped", line);
    }

    private void logRefused(LogLimiter.Line<InboundFilter.Verdict> line) {
        logMessages("refused", line);
    }

    /** @param done what Warcast did with the messages: skipped, refused */
    private static void logMessages(String done, LogLimiter.Line<?> line) {
        if (line.first()) {
            log.warn(
                    "Warcast {} {}; further {} messages are counted, and summed up here at most once a minute",
                    done,
                    line.latest(),
                    line.key());
        } else {
            log.warn(
                    "Warcast {} {} more {} messages in the last {}; the latest: {}",
                    done,
                    line.count(),
                    line.key(),
                    seconds(line.over()),
                    line.latest());
        }
    }

    private void logMissed(LogLimiter.Line<String> line) {
        if (line.first()) {
            log.warn(
                    "Warcast missed messages {}; asking the listeners to flush their caches. Further gaps are counted,"
                            + " and summed up here at most once a minute",
                    line.latest());
        } else {
            log.warn(
                    "Warcast missed messages {} more times in the last {}, asking the listeners to flush their caches"
                            + " each time; the latest: {}",
                    line.count(),
                    seconds(line.over()),
                    line.latest());
        }
    }

    // Origins come from other senders' messages: a name this long is cut, so that a line stays one short line.
    private static String cut(String sender) {
        return sender.length() <= MAX_SENDER_LENGTH ? sender : sender.substring(0, MAX_SENDER_LENGTH - 1) + "…";
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
