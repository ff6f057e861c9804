package io.warcast.broadcast;

import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.FlushRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what it heard, and on which thread with which context class loader. */
class RecordingListener implements DataNotifyListener {

    final List<DataChangeEvent> changes = new CopyOnWriteArrayList<>();
    final List<FlushRequest> flushes = new CopyOnWriteArrayList<>();
    final List<String> threadNames = new CopyOnWriteArrayList<>();
    final List<ClassLoader> contextLoaders = new CopyOnWriteArrayList<>();

    @Override
    public void notifyDataChange(DataChangeEvent event) {
        remember();
        changes.add(event);
    }

    @Override
    public void flushCachedDatabaseData(FlushRequest request) {
        remember();
        flushes.add(request);
    }

    List<Long> sequences() {
        return changes.stream().map(DataChangeEvent::sequence).toList();
    }

    private void remember() {
        threadNames.add(Thread.currentThread().getName());
        contextLoaders.add(Thread.currentThread().getContextClassLoader());
    }
}
