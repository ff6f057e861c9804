package io.warcast.api.spi;

import io.warcast.api.DataNotifyService;

/** One web application's membership, held by the container integration from start to stop. */
public interface Participation {

    /** The service handed to the application. */
    DataNotifyService service();

    /**
     * The application is stopping: stop calling its listeners, which may no longer work. It may still publish
     * until {@link #close()}.
     */
    void stopDelivery();

    /** The application stopped: its listeners are dropped and it can no longer publish. Idempotent. */
    void close();
}
