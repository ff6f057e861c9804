package io.warcast.broadcast.fanout;

import io.warcast.api.AppMessage;
import io.warcast.api.AppMessageListener;
import io.warcast.api.DataChange;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.DataNotifyService;
import io.warcast.api.FlushRequest;
import io.warcast.api.Origin;
import io.warcast.broadcast.BroadcasterMetrics;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One web application in this JVM: what it publishes goes to every other participant on its exchange, what they
 * publish goes to its listeners.
 */
final class LocalParticipant implements DataNotifyService {

    private final Origin self;
    private final String exchange;
    private final LocalFanOut fanOut;
    private final BroadcasterMetrics metrics;

    // Held while a sequence number is taken and the event handed to every mailbox, so that concurrent publishes of
    // one application reach each listener in sequence order. Handing over only queues, so this is never held long.
    private final Object publishLock = new Object();
    private long lastSequence;
    private boolean closed;

    // Null once delivery stopped: from then on nothing here refers to the application's listeners or class loader.
    private volatile ParticipantListeners listeners;

    LocalParticipant(
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
        synchronized (publishLock) {
            requireOpen("publish a data change");
            DataChangeEvent event = new DataChangeEvent(newMessageId(), self, ++lastSequence, Instant.now(), change);
            publish(receiver -> receiver.receive(event));
        }
    }

    @Override
    public void flushCachedDatabaseData(String dataSource) {
        if (dataSource != null && dataSource.isBlank()) {
            throw new IllegalArgumentException("A data source to flush must not be blank; pass null to flush all");
        }
        FlushRequest request =
                new FlushRequest(Optional.ofNullable(dataSource), FlushRequest.Reason.REQUESTED, Optional.of(self));
        synchronized (publishLock) {
            requireOpen("ask for a cache flush");
            publish(receiver -> receiver.receive(request));
        }
    }

    @Override
    public void sendMessage(String channel, String body) {
        requireChannel(channel);
        Objects.requireNonNull(body, "body");
        synchronized (publishLock) {
            requireOpen("send a message");
            AppMessage message = new AppMessage(newMessageId(), self, channel, body, Instant.now());
            publish(receiver -> receiver.receive(message));
        }
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

    void receive(DataChangeEvent event) {
        withListeners(current -> current.deliver(event));
    }

    void receive(FlushRequest request) {
        withListeners(current -> current.deliver(request));
    }

    void receive(AppMessage message) {
        withListeners(current -> current.deliver(message));
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

    private void publish(Consumer<LocalParticipant> delivery) {
        fanOut.toOthers(this, delivery);
        metrics.countPublished();
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
