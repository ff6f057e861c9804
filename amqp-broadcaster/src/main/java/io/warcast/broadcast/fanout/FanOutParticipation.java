package io.warcast.broadcast.fanout;

import io.warcast.api.DataNotifyService;
import io.warcast.api.spi.Participation;

/** The participation: the container's handle on a participant, kept apart so the application cannot end it itself. */
final class FanOutParticipation implements Participation {

    private final Participant participant;

    FanOutParticipation(Participant participant) {
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
