package io.warcast.broadcast.fanout;

import io.warcast.api.Origin;
import io.warcast.api.spi.Participation;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.delivery.MailboxFactory;
import io.warcast.broadcast.delivery.Recipient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The participants in this JVM; hands what one publishes to every other on the same exchange. */
public final class LocalFanOut {

    private final List<LocalParticipant> participants = new CopyOnWriteArrayList<>();
    private final MailboxFactory mailboxFactory;
    private final BroadcasterMetrics metrics;

    public LocalFanOut(MailboxFactory mailboxFactory, BroadcasterMetrics metrics) {
        this.mailboxFactory = mailboxFactory;
        this.metrics = metrics;
    }

    /** Adds a participant that hears, and is heard by, the others on {@code exchange}. */
    public Participation join(Origin origin, String exchange, Recipient recipient) {
        ParticipantListeners listeners = new ParticipantListeners(recipient, mailboxFactory);
        LocalParticipant participant = new LocalParticipant(origin, exchange, listeners, this, metrics);
        participants.add(participant);
        return new Membership(participant);
    }

    /** Closes every participation: the server is stopping. */
    public void closeAll() {
        participants.forEach(LocalParticipant::close);
    }

    public int size() {
        return participants.size();
    }

    void leave(LocalParticipant participant) {
        participants.remove(participant);
    }

    void toOthers(LocalParticipant sender, Consumer<LocalParticipant> delivery) {
        for (LocalParticipant receiver : participants) {
            if (receiver != sender && receiver.exchange().equals(sender.exchange())) {
                delivery.accept(receiver);
            }
        }
    }
}
