package io.warcast.broadcast;

import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyListener;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** A web application's listener; {@link ClassLoaderLeakTest} loads it with a class loader of its own. */
public class CollectableListener implements DataNotifyListener, IntSupplier {

    private final AtomicInteger heard = new AtomicInteger();

    @Override
    public void notifyDataChange(DataChangeEvent event) {
        heard.incrementAndGet();
    }

    @Override
    public int getAsInt() {
        return heard.get();
    }
}
