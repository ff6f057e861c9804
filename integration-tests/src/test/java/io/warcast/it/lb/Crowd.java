package io.warcast.it.lb;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated users of one load-balancer run and what they saw: every step that failed, and every step that came
 * from another server or another session than the user's first one (a lost session).
 */
final class Crowd {

    private final URI site;
    private final List<DrainUser> everybody = new ArrayList<>();
    private final Map<DrainUser, DrainUser.Step> firstStep = new HashMap<>();
    private final Map<DrainUser, DrainUser.Step> lastStep = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    Crowd(URI site) {
        this.site = site;
    }

    /** A new user's first step: where the load balancer put it. */
    DrainUser.Step arrive(String name) {
        DrainUser user = new DrainUser(name, site);
        everybody.add(user);
        DrainUser.Step step = user.step();
        if (!step.succeeded()) {
            errors.add("failed on arrival: " + step);
        }
        firstStep.put(user, step);
        lastStep.put(user, step);
        return step;
    }

    /** One more step of each of these users, on the server and in the session they started with. */
    void round(List<DrainUser> working) {
        for (DrainUser user : working) {
            DrainUser.Step step = user.step();
            DrainUser.Step first = firstStep.get(user);
            if (!step.succeeded()) {
                errors.add("failed: " + step);
            } else if (!step.server().equals(first.server()) || !step.session().equals(first.session())) {
                errors.add("lost the session or the server: started with " + first + ", now " + step);
            }
            lastStep.put(user, step);
        }
    }

    /** The users whose first step was answered by {@code server}. */
    List<DrainUser> startedOn(String server) {
        return everybody.stream()
                .filter(user -> firstStep.get(user).server().equals(server))
                .toList();
    }

    DrainUser.Step lastStep(DrainUser user) {
        return lastStep.get(user);
    }

    /** Records a client-visible error found outside {@link #round}. */
    void error(String description) {
        errors.add(description);
    }

    List<String> errors() {
        return errors;
    }

    int requests() {
        return everybody.stream().mapToInt(DrainUser::requests).sum();
    }
}
