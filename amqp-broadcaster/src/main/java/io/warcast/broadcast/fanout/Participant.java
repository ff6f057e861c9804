package io.warcast.broadcast.fanout;

import io.warcast.api.AppMessage;
import io.warcast.api.AppMessageListener;
import io.warcast.api.BroadcasterCounter;
import io.warcast.api.DataChange;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.DataNotifyService;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import io.warcast.broadcast.BroadcasterMetrics;
import io.warcast.broadcast.wire.Envelope;
import io.warcast.broadcast.wire.Payload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A participant: one application version in this JVM (a Tomcat context such as {@code ROOT##002}) that joined an
 * exchange, and the {@link DataNotifyService} it was given. What it publishes goes to every other participant on its
 * exchange, what they publish goes to its listeners.
 */
final class Participant implements DataNotifyService {

    private final Origin self;
    private final String exchange;
    private final LocalFanOut fanOut;
    private final BroadcasterMetrics metrics;

    // Held while a sequence number is taken and the envelope handed to every mailbox and to the remote link, so that
    // concurrent publishes of one application reach each listener in sequence order. Handing over only queues, so
    // this is never held long. One sequence counts every kind published, starting at 1.
    private final Object publishLock = new Object();
    private long lastSequence;
    private boolean closed;

    // Null once delivery stopped: from then on nothing here refers to the application's listeners or class loader.
    private volatile ParticipantListeners listeners;

    Participant(
            Origin self,
            String exchange,
            ParticipantListeners listeners,
            LocalFanOut fanOut,
            BroadcasterMetrics metrics) {
        this.self = self;
        this.exchange = exchange;
        this.listeners = listeners;
        this.fanOut = fanOut;
        this.metrics = metrics;
    }

    @Override
    public Origin self() {
        return self;
    }

    String exchange() {
        return exchange;
    }

    @Override
    public void notifyDataChange(DataChange change) {
        Objects.requireNonNull(change, "change");
        publish("publish a data change", new Payload.Change(change));
    }

    @Override
    public void flushCachedDatabaseData(String dataSource) {
        if (dataSource != null && dataSource.isBlank()) {
            throw new IllegalArgumentException("A data source to flush must not be blank; pass null to flush all");
        }
        publish(
                "ask for a cache flush",
                new Payload.Flush(Optional.ofNullable(dataSource), FlushRequest.Reason.REQUESTED));
    }

    @Override
    public void sendMessage(String channel, String body) {
        requireChannel(channel);
        Objects.requireNonNull(body, "body");
        publish("send a message", new Payload.Message(channel, body));
    }

    @Override
    public void registerDataNotifyListener(DataNotifyListener listener) {
        Objects.requireNonNull(listener, "listener");
        requireOpen("register a listener");
        withListeners(current -> current.register(listener));
    }

    @Override
    public void deregisterDataNotifyListener(DataNotifyListener listener) {
        Objects.requireNonNull(listener, "listener");
        withListeners(current -> current.deregister(listener));
    }

    @Override
    public void registerMessageListener(String channel, AppMessageListener listener) {
        requireChannel(channel);
        Objects.requireNonNull(listener, "listener");
        requireOpen("register a message listener");
        withListeners(current -> current.register(channel, listener));
    }

    @Override
    public void deregisterMessageListener(String channel, AppMessageListener listener) {
        requireChannel(channel);
        Objects.requireNonNull(listener, "listener");
        withListeners(current -> current.deregister(channel, listener));
    }

    /** Hands what another participant published, in this JVM or on another server, to this one's listeners. */
    void receive(Envelope envelope) {
        Payload payload = envelope.payload();
        if (payload instanceof Payload.Change change) {
            DataChangeEvent event = new DataChangeEvent(
                    envelope.messageId(),
                    envelope.origin(),
                    envelope.sequence(),
                    envelope.publishedAt(),
                    change.change());
            withListeners(current -> current.deliver(event));
        } else if (payload instanceof Payload.Flush flush) {
            // A flush because the sender had to drop changes is Warcast's request, not the sending application's.
            Optional<Origin> askedBy = flush.reason() == FlushRequest.Reason.MISSED_CHANGES
                    ? Optional.empty()
                    : Optional.of(envelope.origin());
            FlushRequest request = new FlushRequest(flush.dataSource(), flush.reason(), askedBy);
            withListeners(current -> current.deliver(request));
        } else if (payload instanceof Payload.Message message) {
            AppMessage appMessage = new AppMessage(
                    envelope.messageId(), envelope.origin(), message.channel(), message.body(), envelope.publishedAt());
            withListeners(current -> current.deliver(appMessage));
        }
    }

    /** Asks this participant's data listeners to flush, because changes meant for them were lost. */
    void resync(Optional<String> dataSource) {
        FlushRequest request = new FlushRequest(dataSource, FlushRequest.Reason.MISSED_CHANGES, Optional.empty());
        withListeners(current -> current.deliver(request));
    }

    void stopDelivery() {
        ParticipantListeners current = listeners;
        listeners = null;
        if (current != null) {
            current.closeAll();
        }
    }

    void close() {
        synchronized (publishLock) {
            closed = true;
        }
        fanOut.leave(this);
        stopDelivery();
    }

    @Override
    public String toString() {
        return "Warcast participant " + self + " on exchange [" + exchange + "]";
    }

    private void publish(String action, Payload payload) {
        synchronized (publishLock) {
            requireOpen(action);
            Envelope envelope = new Envelope(newMessageId(), self, ++lastSequence, Instant.now(), payload);
            fanOut.publish(this, envelope);
            metrics.count(BroadcasterCounter.PUBLISHED);
        }
    }

    private void withListeners(Consumer<ParticipantListeners> action) {
        ParticipantListeners current = listeners;
        if (current != null) {
            action.accept(current);
        }
    }

    private void requireOpen(String action) {
        boolean isClosed;
        synchronized (publishLock) {
            isClosed = closed;
        }
        if (isClosed) {
            throw new IllegalStateException("Application [" + self.application() + "] cannot " + action
                    + ": it has left Warcast (the application stopped)");
        }
    }

    private static void requireChannel(String channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.isBlank()) {
            throw new IllegalArgumentException("A message channel must not be blank");
        }
    }

    private static String newMessageId() {
        return UUID.randomUUID().toString();
    }
}
