package io.profilegateway.switching;

import io.profilegateway.common.Violations;
import io.profilegateway.profile.ActionStep;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a switch fills in for the chain's {@code "ask"} parameters. Known names only; every value is validated
 * here, before it can reach the desired state (and so AMI).
 */
record SwitchParameters(String redirectTarget) {

    static final String REDIRECT_TARGET = "redirectTarget";
    private static final Set<String> KNOWN = Set.of(REDIRECT_TARGET);

    /**
     * @param strict a person is asking: a missing value is a 400. Otherwise (a trigger, the system) the asking steps
     *               are skipped and noted, as nobody is there to answer.
     */
    static SwitchParameters resolve(Map<String, String> given, List<ActionStep> leave, List<ActionStep> enter,
            boolean strict) {
        Violations v = new Violations();
        given.keySet().stream().filter(k -> !KNOWN.contains(k)).sorted()
                .forEach(k -> v.add("parameters." + k, "is not a known parameter (known: " + REDIRECT_TARGET + ")"));
        boolean asked = leave.stream().anyMatch(ActionStep::asksForRedirectTarget)
                || enter.stream().anyMatch(ActionStep::asksForRedirectTarget);
        String target = given.get(REDIRECT_TARGET);
        if (asked && target == null && strict) {
            v.add("parameters." + REDIRECT_TARGET, "is required: the profile asks for the redirect target");
        } else if (target != null) {
            v.optionalMatches("parameters." + REDIRECT_TARGET, target, Violations.DIAL_STRING,
                    "a dial string (digits, '+', '*', '#'; at most 32)");
        }
        v.throwIfAny();
        return new SwitchParameters(target);
    }
}
