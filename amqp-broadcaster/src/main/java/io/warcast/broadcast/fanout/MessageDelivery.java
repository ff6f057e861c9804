package io.warcast.broadcast.fanout;

import io.warcast.api.AppMessage;
import io.warcast.api.AppMessageListener;
import io.warcast.broadcast.delivery.Delivery;
import io.warcast.broadcast.delivery.MissedDataSources;

/** An application message on its way to an {@link AppMessageListener}. */
record MessageDelivery(AppMessage message) implements Delivery<AppMessageListener> {

    @Override
    public void deliverTo(AppMessageListener listener) {
        listener.onMessage(message);
    }

    @Override
    public void recordMissed(MissedDataSources missed) {
        // A message says nothing about cached data: a dropped one is counted and logged, nothing to flush.
    }

    @Override
    public String describe() {
        return "a message on channel [" + message.channel() + "] from [" + message.origin() + "]";
    }
}
