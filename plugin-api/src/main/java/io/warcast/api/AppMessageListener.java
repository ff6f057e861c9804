package io.warcast.api;

/**
 * Hears the messages other participants send on one channel. Called like a {@link DataNotifyListener}: on
 * Warcast's threads, one at a time, in each sender's order.
 */
@FunctionalInterface
public interface AppMessageListener {

    void onMessage(AppMessage message);
}
