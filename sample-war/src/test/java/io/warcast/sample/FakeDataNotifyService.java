package io.warcast.sample;

import io.warcast.api.AppMessageListener;
import io.warcast.api.DataChange;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.DataNotifyService;
import io.warcast.api.Origin;
import java.util.ArrayList;
import java.util.List;

/** Records what the app publishes and registers; delivers nothing. */
final class FakeDataNotifyService implements DataNotifyService {

    static final Origin SELF = new Origin("node-a", "/shop", "002", "instance-a");

    final List<DataChange> published = new ArrayList<>();
    final List<DataNotifyListener> listeners = new ArrayList<>();

    @Override
    public Origin self() {
        return SELF;
    }

    @Override
    public void notifyDataChange(DataChange change) {
        published.add(change);
    }

    @Override
    public void flushCachedDatabaseData(String dataSource) {
        throw new UnsupportedOperationException("the sample never asks for a flush");
    }

    @Override
    public void sendMessage(String channel, String body) {
        throw new UnsupportedOperationException("the sample sends no messages");
    }

    @Override
    public void registerDataNotifyListener(DataNotifyListener listener) {
        listeners.add(listener);
    }

    @Override
    public void deregisterDataNotifyListener(DataNotifyListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void registerMessageListener(String channel, AppMessageListener listener) {
        throw new UnsupportedOperationException("the sample listens to no messages");
    }

    @Override
    public void deregisterMessageListener(String channel, AppMessageListener listener) {
        throw new UnsupportedOperationException("the sample listens to no messages");
    }
}
