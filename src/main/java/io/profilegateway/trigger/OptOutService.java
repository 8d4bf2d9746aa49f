package io.profilegateway.trigger;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.Right;
import io.profilegateway.access.Actor;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.user.User;
import io.profilegateway.directory.user.UserService;
import io.profilegateway.profile.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** A user's opt-outs from profiles' triggers: read by whoever may see him, changed by whoever may switch him. */
@ApplicationScoped
public class OptOutService {

    @Inject
    UserService users;

    @Inject
    AccessPolicy access;

    @Transactional
    public List<Long> list(Actor actor, long userId) {
        Sight sight = users.findVisible(actor, userId).sight();
        access.require(sight.may(Right.SEE_DETAILED_PRESENCE), "see this user's trigger opt-outs",
                "Your relationship with this user does not show his settings");
        return TriggerOptOut.profilesOf(userId);
    }

    @Transactional
    public List<Long> optOut(Actor actor, long userId, long profileId) {
        User user = changeable(actor, userId);
        Profile profile = Profile.<Profile>findByIdOptional(profileId)
                .orElseThrow(() -> ApiProblem.notFound("profile", profileId));
        if (!profile.isUsableBy(user)) {
            throw ApiProblem.invalid("profileId", "profile '" + profile.name + "' is not available to this user");
        }
        if (TriggerOptOut.findById(new TriggerOptOut.Key(userId, profileId)) == null) {
            TriggerOptOut optOut = new TriggerOptOut();
            optOut.userId = userId;
            optOut.profileId = profileId;
            optOut.persist();
        }
        return TriggerOptOut.profilesOf(userId);
    }

    @Transactional
    public List<Long> optIn(Actor actor, long userId, long profileId) {
        changeable(actor, userId);
        TriggerOptOut.deleteById(new TriggerOptOut.Key(userId, profileId));
        return TriggerOptOut.profilesOf(userId);
    }

    private User changeable(Actor actor, long userId) {
        User user = users.findReadable(actor, userId);
        access.require(access.canSwitch(actor, user), "change this user's trigger opt-outs");
        return user;
    }
}
