package io.warcast.broadcast.fanout;

import io.warcast.api.DataNotifyListener;
import io.warcast.api.FlushRequest;
import io.warcast.broadcast.delivery.Delivery;
import io.warcast.broadcast.delivery.MissedDataSources;
import java.util.Optional;

/** A cache flush on its way to a {@link DataNotifyListener}: asked by another participant or by Warcast. */
record FlushDelivery(FlushRequest request) implements Delivery<DataNotifyListener> {

    /** Warcast's own request, after the listener missed changes of the data source (empty: of any). */
    static FlushDelivery missedChanges(Optional<String> dataSource) {
        return new FlushDelivery(new FlushRequest(dataSource, FlushRequest.Reason.MISSED_CHANGES, Optional.empty()));
    }

    @Override
    public void deliverTo(DataNotifyListener listener) {
        listener.flushCachedDatabaseData(request);
    }

    @Override
    public void recordMissed(MissedDataSources missed) {
        request.dataSource().ifPresentOrElse(missed::add, missed::addAll);
    }

    @Override
    public String describe() {
        return "a flush of [" + request.dataSource().orElse("all data sources") + "] (" + request.reason()
                + request.origin().map(origin -> " by [" + origin + "]").orElse("") + ")";
    }
}
