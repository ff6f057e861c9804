package io.warcast.it.probe;

import io.warcast.api.DataChangeEvent;
import io.warcast.api.DataNotifyListener;
import io.warcast.api.DataNotifyService;
import io.warcast.api.WarcastServices;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The probe application: a listener that throws on every change, registered first, and one that records,
 * registered second. The recorder must still hear every change.
 */
@WebListener
public class ProbeListeners implements ServletContextListener {

    static final AtomicInteger thrown = new AtomicInteger();
    static final List<String> recorded = new CopyOnWriteArrayList<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        DataNotifyService service = WarcastServices.forServletContext(event.getServletContext());
        service.registerDataNotifyListener(new ThrowingListener());
        service.registerDataNotifyListener(new RecordingListener());
    }

    static final class ThrowingListener implements DataNotifyListener {
        @Override
        public void notifyDataChange(DataChangeEvent event) {
            thrown.incrementAndGet();
            throw new IllegalStateException("probe listener fails on purpose for " + event.messageId());
        }
    }

    static final class RecordingListener implements DataNotifyListener {
        @Override
        public void notifyDataChange(DataChangeEvent event) {
            recorded.add(String.valueOf(event.change().primaryKeys().get(0).get("id")));
        }
    }
}
