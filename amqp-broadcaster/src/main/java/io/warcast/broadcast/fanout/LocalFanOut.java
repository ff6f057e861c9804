package io.warcast.broadcast.fanout;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.Origin;
import io.warcast.api.spi.Participation;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.delivery.MailboxFactory;
import io.warcast.broadcast.delivery.ParticipantContext;
import io.warcast.broadcast.wire.Envelope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The participants in this JVM; hands what one publishes to every other on the same exchange and to the
 * {@link RemoteLink}, and what the link receives from other servers to every participant on its exchange.
 */
public final class LocalFanOut {

    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final MailboxFactory mailboxFactory;
    private final BroadcasterMetrics metrics;
    private volatile RemoteLink remoteLink = RemoteLink.LOCAL_ONLY;

    public LocalFanOut(MailboxFactory mailboxFactory, BroadcasterMetrics metrics) {
        this.mailboxFactory = mailboxFactory;
        this.metrics = metrics;
    }

    /** Sends what participants publish to other servers too; called once, before the first participant joins. */
    public void attach(RemoteLink link) {
        remoteLink = Objects.requireNonNull(link, "link");
    }

    /** Adds a participant that hears, and is heard by, the others on {@code exchange}. */
    public Participation join(Origin origin, String exchange, ParticipantContext context) {
        remoteLink.exchangeInUse(exchange);
        ParticipantListeners listeners = new ParticipantListeners(context, mailboxFactory);
        Participant participant = new Participant(origin, exchange, listeners, this, metrics);
        participants.add(participant);
        return new FanOutParticipation(participant);
    }

    /**
     * Hands an envelope received from another server to every participant on {@code exchange}.
     *
     * @return false when no participant is on {@code exchange}
     */
    public boolean deliverFromRemote(String exchange, Envelope envelope) {
        boolean claimed = false;
        for (Participant receiver : participants) {
            if (receiver.exchange().equals(exchange)) {
                receiver.receive(envelope);
                claimed = true;
            }
        }
        return claimed;
    }

    /**
     * Asks every data listener on {@code exchange} to flush a data source (empty: all), because changes from other
     * servers were lost on the way.
     */
    public void resync(String exchange, Optional<String> dataSource) {
        metrics.count(BroadcasterCounter.RESYNCS);
        for (Participant receiver : participants) {
            if (receiver.exchange().equals(exchange)) {
                receiver.resync(dataSource);
            }
        }
    }

    /** {@link #resync} of every data source on every exchange in use. */
    public void resyncAll() {
        exchanges().forEach(exchange -> resync(exchange, Optional.empty()));
    }

    /** The exchanges the participants of this JVM are on. */
    public Set<String> exchanges() {
        Set<String> exchanges = new TreeSet<>();
        participants.forEach(participant -> exchanges.add(participant.exchange()));
        return exchanges;
    }

    /** Closes every participation: the server is stopping. */
    public void closeAll() {
        participants.forEach(Participant::close);
    }

    public int size() {
        return participants.size();
    }

    void leave(Participant participant) {
        participants.remove(participant);
    }

    /** Hands what {@code sender} published to the other participants on its exchange, then to other servers. */
    void publish(Participant sender, Envelope envelope) {
        for (Participant receiver : participants) {
            if (receiver != sender && receiver.exchange().equals(sender.exchange())) {
                receiver.receive(envelope);
            }
        }
        remoteLink.send(sender.exchange(), envelope);
    }
}
