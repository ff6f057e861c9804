package io.warcast.broadcast.fanout;

import io.warcast.api.AppMessage;
import io.warcast.api.AppMessageListener;
import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.FlushRequest;
import io.warcast.broadcast.delivery.Delivery;
import io.warcast.broadcast.delivery.MailboxFactory;
import io.warcast.broadcast.delivery.Mailboxes;
import io.warcast.broadcast.delivery.ParticipantContext;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/** The listeners one application registered, each behind its own mailbox. */
final class ParticipantListeners {

    // Only data changes and flushes are recorded as missed, so a message listener is never asked to resync.
    private static final Function<Optional<String>, Delivery<AppMessageListener>> NO_RESYNC = dataSource -> {
        throw new IllegalStateException("A message listener has no cache to flush");
    };

    private final ParticipantContext context;
    private final MailboxFactory mailboxFactory;
    private final Mailboxes<DataNotifyListener> dataListeners = new Mailboxes<>();
    private final ConcurrentMap<String, Mailboxes<AppMessageListener>> messageListeners = new ConcurrentHashMap<>();
    private boolean closed;

    ParticipantListeners(ParticipantContext context, MailboxFactory mailboxFactory) {
        this.context = context;
        this.mailboxFactory = mailboxFactory;
    }

    synchronized void register(DataNotifyListener listener) {
        if (closed) {
            return;
        }
        dataListeners.register(listener, added -> mailboxFactory.open(added, context, FlushDelivery::missedChanges));
    }

    void deregister(DataNotifyListener listener) {
        dataListeners.deregister(listener);
    }

    synchronized void register(String channel, AppMessageListener listener) {
        if (closed) {
            return;
        }
        messageListeners
                .computeIfAbsent(channel, unused -> new Mailboxes<>())
                .register(listener, added -> mailboxFactory.open(added, context, NO_RESYNC));
    }

    void deregister(String channel, AppMessageListener listener) {
        Mailboxes<AppMessageListener> mailboxes = messageListeners.get(channel);
        if (mailboxes != null) {
            mailboxes.deregister(listener);
        }
    }

    void deliver(DataChangeEvent event) {
        dataListeners.offer(new ChangeDelivery(event));
    }

    void deliver(FlushRequest request) {
        dataListeners.offer(new FlushDelivery(request));
    }

    void deliver(AppMessage message) {
        Mailboxes<AppMessageListener> mailboxes = messageListeners.get(message.channel());
        if (mailboxes != null) {
            mailboxes.offer(new MessageDelivery(message));
        }
    }

    /** Closes every mailbox; later registrations are ignored. */
    synchronized void closeAll() {
        closed = true;
        dataListeners.closeAll();
        messageListeners.values().forEach(Mailboxes::closeAll);
        messageListeners.clear();
    }
}
