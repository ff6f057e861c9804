package io.warcast.broadcast.fanout;

import io.warcast.api.DataNotifyService;
import io.warcast.api.spi.Participation;

/** The container's handle on a participant; kept apart so the application cannot end its own membership. */
final class Membership implements Participation {

    private final LocalParticipant participant;

    Membership(LocalParticipant participant) {
        this.participant = participant;
    }

    @Override
    public DataNotifyService service() {
        return participant;
    }

    @Override
    public void stopDelivery() {
        participant.stopDelivery();
    }

    @Override
    public void close() {
        participant.close();
    }
}
