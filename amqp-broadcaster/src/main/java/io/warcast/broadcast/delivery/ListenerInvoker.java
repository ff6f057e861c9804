package io.warcast.broadcast.delivery;

import io.warcast.api.BroadcasterCounter;
import io.warcast.broadcast.BroadcasterMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a listener as the application would: with its class loader as the thread's context class loader, and
 * without letting a failure of the listener reach Warcast's thread.
 */
final class ListenerInvoker {

    private static final Logger log = LoggerFactory.getLogger(ListenerInvoker.class);

    private final BroadcasterMetrics metrics;

    ListenerInvoker(BroadcasterMetrics metrics) {
        this.metrics = metrics;
    }

    <L> void invoke(L listener, ParticipantContext context, Delivery<L> delivery) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(context.classLoader());
        try {
            delivery.deliverTo(listener);
            metrics.count(BroadcasterCounter.DELIVERED);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            metrics.count(BroadcasterCounter.LISTENER_FAILURES);
            log.warn(
                    "Warcast listener [{}] of application [{}] failed on {}: {}; it goes on with the next event",
                    listener.getClass().getName(),
                    context.application(),
                    delivery.describe(),
                    e.toString());
            log.debug(
                    "Stack trace of the failure of listener [{}]",
                    listener.getClass().getName(),
                    e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
