package io.warcast.broadcast.fanout;

import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyListener;
import io.warcast.broadcast.delivery.Delivery;
import io.warcast.broadcast.delivery.MissedDataSources;

/** A data change on its way to a {@link DataNotifyListener}. */
record ChangeDelivery(DataChangeEvent event) implements Delivery<DataNotifyListener> {

    @Override
    public void deliverTo(DataNotifyListener listener) {
        listener.notifyDataChange(event);
    }

    @Override
    public void recordMissed(MissedDataSources missed) {
        missed.add(event.change().dataSource());
    }

    @Override
    public String describe() {
        return "a data change of [" + event.change().dataSource() + "."
                + event.change().table() + "] from [" + event.origin() + "]";
    }
}
