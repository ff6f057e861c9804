package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.ChangeAction;
import io.warcast.api.DataChange;
import io.warcast.api.Origin;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.LogCapture;
import io.warcast.broadcast.delivery.MailboxFactory;
import io.warcast.broadcast.fanout.LocalFanOut;
import io.warcast.broadcast.wire.Decoded.RejectReason;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import io.warcast.broadcast.wire.WireCodec;
import io.warcast.broadcast.wire.WireLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Anyone who may write to the exchange can send garbage by the thousand, and a newer sender may send many messages of
 * a kind this build does not know: each is counted, but the log gets the first of each reason in full and then at most
 * one summary a minute. The same for gaps.
 */
class InboundLogTest {

    private static final String EXCHANGE = "shop";
    private static final String SKIPPED = "Warcast skipped";

    private final TestClock clock = new TestClock();
    private final BroadcasterMetrics metrics = new BroadcasterMetrics();
    private final InboundHandler handler = new InboundHandler(
            "node-here",
            new WireCodec(WireLimits.DEFAULT),
            new LocalFanOut(new MailboxFactory(Runnable::run, 10, metrics), metrics),
            metrics,
            Set.of(),
            clock);

    @Test
    void aFloodOfGarbageLogsTheFirstOfEachReasonThenOneSummaryAMinute() {
        byte[] notJson = utf8("this is not JSON {");
        byte[] wrongType = utf8("{\"v\":\"1\",\"kind\":\"change\"}");
        byte[] newerVersion = utf8("{\"v\":2,\"kind\":\"change\"}");
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 3_000; i++) {
                handler.handle(EXCHANGE, notJson);
                handler.handle(EXCHANGE, wrongType);
                handler.handle(EXCHANGE, newerVersion);
                handler.handle(EXCHANGE, new Sender(origin("forged-" + i)).next("presence"));
                clock.advance(Duration.ofMillis(10)); // 30 s in all
            }
            assertThat(log.linesWith(SKIPPED))
                    .as("12,000 messages of four reasons: the first of each in full")
                    .hasSize(4)
                    .allSatisfy(line -> assertThat(line).contains("WARN", "messages are counted, and summed up here"));
            assertThat(log.linesWith(SKIPPED, "a message of 18 bytes on exchange [shop]: not valid JSON"))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .endsWith("(MALFORMED); further MALFORMED messages are counted, and summed up here at"
                                    + " most once a minute"));
            assertThat(log.linesWith(SKIPPED, "from [forged-0/shop##002]: kind [presence] is not one of"))
                    .as("an unknown kind names its sender")
                    .hasSize(1);

            clock.advance(Duration.ofSeconds(30));
            handler.handle(EXCHANGE, notJson);
            assertThat(log.linesWith(SKIPPED))
                    .as("a minute after the first lines, the next message brings one summary for each reason")
                    .hasSize(8);
            assertThat(log.linesWith(
                            SKIPPED,
                            "Warcast skipped 2999 more MALFORMED messages in the last 60 s; the latest: a message of 18"
                                    + " bytes on exchange [shop]: not valid JSON"))
                    .hasSize(1);
            assertThat(log.linesWith(
                            SKIPPED,
                            "Warcast skipped 2999 more UNKNOWN_KIND messages in the last 60 s; the latest: a message of",
                            "from [forged-2999/shop##002]"))
                    .hasSize(1);
            assertThat(log.linesWith(SKIPPED, "2999 more WRONG_TYPE messages")).hasSize(1);
            assertThat(log.linesWith(SKIPPED, "2999 more UNKNOWN_VERSION messages"))
                    .hasSize(1);

            clock.advance(Duration.ofSeconds(59));
            handler.handle(EXCHANGE, new Sender(origin("forged-last")).next("presence"));
            assertThat(log.linesWith(SKIPPED)).as("within the new minute").hasSize(8);
            clock.advance(Duration.ofSeconds(1));
            handler.handle(EXCHANGE, new Sender(origin("valid")).nextChange());
            assertThat(log.linesWith(SKIPPED, "1 more"))
                    .as("what came in the second minute is summed up with the next message of any kind")
                    .hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("1 more MALFORMED messages in the last 60 s"))
                    .anySatisfy(line -> assertThat(line).contains("1 more UNKNOWN_KIND", "[forged-last/shop##002]"));
            assertThat(log.linesWith(SKIPPED)).hasSize(10);
        }
        assertThat(metrics.rejected())
                .as("every message is counted")
                .isEqualTo(Map.of(
                        RejectReason.MALFORMED, 3_001L,
                        RejectReason.WRONG_TYPE, 3_000L,
                        RejectReason.UNKNOWN_VERSION, 3_000L,
                        RejectReason.UNKNOWN_KIND, 3_001L,
                        RejectReason.OVERSIZED, 0L));
    }

    @Test
    void aNewerKindTakesANumberInItsSendersSequenceAndIsNoGap() {
        Sender newer = new Sender(origin("node-b"));
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                handler.handle(EXCHANGE, newer.next("presence"));
            }
            handler.handle(EXCHANGE, newer.nextChange());
            assertThat(log.linesWith(SKIPPED)).hasSize(1);
            assertThat(log.linesWith("Warcast missed messages")).isEmpty();
        }
        assertThat(metrics.rejected().get(RejectReason.UNKNOWN_KIND)).isEqualTo(5L);
        assertThat(metrics.get(BroadcasterCounter.GAPS))
                .as("each took a number in its sender's sequence, none missed")
                .isZero();
    }

    @Test
    void gapsAreLoggedTheFirstTimeThenSummedUpOnceAMinute() {
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 1_000; i++) {
                Sender skipping = new Sender(origin("node-" + i));
                handler.handle(EXCHANGE, skipping.nextChange());
                skipping.skip(7);
                handler.handle(EXCHANGE, skipping.nextChange());
            }
            assertThat(log.linesWith("Warcast missed messages"))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains(
                                    "WARN",
                                    "Warcast missed messages from [node-0/shop##002] on exchange [shop] (its sequence"
                                            + " skipped to 9); asking the listeners to flush their caches. Further gaps"
                                            + " are counted, and summed up here at most once a minute"));

            clock.advance(Duration.ofMinutes(1));
            handler.handle(EXCHANGE, new Sender(origin("quiet")).nextChange());
            assertThat(log.linesWith("Warcast missed messages"))
                    .hasSize(2)
                    .last()
                    .asString()
                    .contains("Warcast missed messages 999 more times in the last 60 s, asking the listeners to flush"
                            + " their caches each time; the latest: from [node-999/shop##002] on exchange"
                            + " [shop] (its sequence skipped to 9)");
        }
        assertThat(metrics.get(BroadcasterCounter.GAPS))
                .as("every gap is counted")
                .isEqualTo(1_000L);
    }

    @Test
    void forgeriesAreCountedLoggedOnceThenSummedUpAndChangeNothing() {
        Origin a = origin("node-a");
        Sender real = new Sender(a);
        Optional<String> userOfA = Optional.of("warcast-node-a");
        handler.handle(EXCHANGE, real.nextChange(), userOfA);
        try (LogCapture log = LogCapture.start()) {
            Sender silencer = new Sender(a);
            silencer.skip(Long.MAX_VALUE - 1);
            handler.handle(EXCHANGE, silencer.nextChange(), Optional.of("mallory"));
            for (int i = 0; i < 999; i++) {
                Sender flusher = new Sender(a);
                flusher.skip(2);
                handler.handle(EXCHANGE, flusher.nextChange(), i % 2 == 1 ? Optional.of("mallory") : Optional.empty());
            }
            for (int i = 0; i < 10; i++) {
                handler.handle(EXCHANGE, real.nextChange(), userOfA);
            }
            assertThat(log.linesWith("Warcast refused"))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains(
                                    "WARN",
                                    "Warcast refused a message on exchange [shop] naming [node-a/shop##002] instance ["
                                            + a.instanceId() + "] with user_id [mallory]: that instance was first"
                                            + " heard from another broker user (FORGED); further FORGED messages are"
                                            + " counted, and summed up here at most once a minute"));

            clock.advance(Duration.ofMinutes(1));
            handler.handle(EXCHANGE, real.nextChange(), userOfA);
            assertThat(log.linesWith("Warcast refused"))
                    .hasSize(2)
                    .last()
                    .asString()
                    .contains("Warcast refused 999 more FORGED messages in the last 60 s; the latest: a message on"
                            + " exchange [shop] naming [node-a/shop##002] instance [" + a.instanceId() + "] with no"
                            + " user_id");
            assertThat(log.linesWith("Warcast missed messages")).isEmpty();
        }
        assertThat(metrics.get(BroadcasterCounter.FORGED))
                .as("every forgery is counted")
                .isEqualTo(1_000L);
        assertThat(metrics.get(BroadcasterCounter.UNCLAIMED))
                .as("all 12 of A's real changes were let through (nobody joined the exchange here)")
                .isEqualTo(12L);
        assertThat(metrics.get(BroadcasterCounter.DUPLICATES_SUPPRESSED)).isZero();
        assertThat(metrics.get(BroadcasterCounter.GAPS)).isZero();
    }

    @Test
    void withTrustedPublishersAnotherUserIsRefusedAsUntrusted() {
        InboundHandler trusting = new InboundHandler(
                "node-here",
                new WireCodec(WireLimits.DEFAULT),
                new LocalFanOut(new MailboxFactory(Runnable::run, 10, metrics), metrics),
                metrics,
                Set.of("warcast-node-a"),
                clock);
        try (LogCapture log = LogCapture.start()) {
            trusting.handle(EXCHANGE, new Sender(origin("pricing-svc")).nextChange(), Optional.of("pricing-svc"));
            trusting.handle(EXCHANGE, new Sender(origin("node-a")).nextChange(), Optional.of("warcast-node-a"));
            assertThat(log.linesWith("Warcast refused"))
                    .singleElement()
                    .asString()
                    .contains("with user_id [pricing-svc]: that broker user is not one of"
                            + " amqpbroadcast.trustedpublishers (UNTRUSTED)");
        }
        assertThat(metrics.get(BroadcasterCounter.UNTRUSTED)).isEqualTo(1L);
        assertThat(metrics.get(BroadcasterCounter.UNCLAIMED))
                .as("node-a's change let through")
                .isEqualTo(1L);
    }

    private static Origin origin(String server) {
        return new Origin(server, "/shop", "002", UUID.randomUUID().toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One sender's messages, numbered 1, 2, 3… whatever their kind. */
    private static final class Sender {

        private final WireCodec codec = new WireCodec(WireLimits.DEFAULT);
        private final Origin origin;
        private long sequence;

        Sender(Origin origin) {
            this.origin = origin;
        }

        /** The next change. */
        byte[] nextChange() {
            return next("change");
        }

        /** Loses {@code count} numbers, as a sender whose messages were dropped would. */
        void skip(long count) {
            sequence += count;
        }

        /** The next message, of {@code kind}: a change, renamed when the kind is not change. */
        byte[] next(String kind) {
            DataChange change = DataChange.builder("shop", "items", ChangeAction.UPDATE)
                    .key("id", 1L)
                    .build();
            String json = new String(
                    codec.encode(new Envelope(
                            UUID.randomUUID().toString(),
                            origin,
                            ++sequence,
                            Instant.now(),
                            new Payload.Change(change))),
                    StandardCharsets.UTF_8);
            return json.replace("\"kind\":\"change\"", "\"kind\":\"" + kind + "\"")
                    .replace("\"change\":{", "\"" + kind + "\":{")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
