package dev.gatehouse.ui.common.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.gateway.Condition;
import dev.gatehouse.ui.common.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gatehouse's verdict in words, and where it differs from what the controller wrote. */
class VerdictsTest {
    private static final List<Condition> NOT_PERMITTED = List.of(
            Condition.isTrue(Condition.ACCEPTED, "Accepted", "the listener is valid"),
            Condition.isFalse(Condition.RESOLVED_REFS, "RefNotPermitted", "the Secret is in another namespace without a"
                    + " ReferenceGrant"),
            Condition.isFalse(Condition.CONFLICTED, "NoConflicts", "no conflict"),
            Condition.isFalse(Condition.PROGRAMMED, "Invalid", "no usable certificate"));
    private static final List<WrittenCondition> ALL_TRUE = List.of(
            new WrittenCondition("Accepted", "True", "Accepted", ""),
            new WrittenCondition("Programmed", "True", "Programmed", ""),
            new WrittenCondition("ResolvedRefs", "True", "ResolvedRefs", ""));

    @Test
    void theCauseIsNamedBeforeItsEffects() {
        assertThat(Verdicts.text(NOT_PERMITTED, "Programmed")).isEqualTo("ResolvedRefs=False RefNotPermitted");
        assertThat(Verdicts.status(NOT_PERMITTED)).isEqualTo(Status.ERROR);
        List<Condition> fine = List.of(Condition.isTrue(Condition.ACCEPTED, "Accepted", ""),
                Condition.isFalse(Condition.CONFLICTED, "NoConflicts", ""));
        assertThat(Verdicts.text(fine, "Programmed")).isEqualTo("Programmed");
        assertThat(Verdicts.status(fine)).isEqualTo(Status.OK);
        assertThat(Verdicts.text(List.of(Condition.isTrue(Condition.CONFLICTED, "HostnameConflict", "")), "ok"))
                .isEqualTo("Conflicted=True HostnameConflict");
    }

    @Test
    void aDisagreementSaysWhatTheControllerClaimsAndWhy() {
        assertThat(Verdicts.difference(NOT_PERMITTED, ALL_TRUE)).hasValue("controller says Programmed=True,"
                + " ResolvedRefs=True; Gatehouse: ResolvedRefs=False RefNotPermitted — the Secret is in another"
                + " namespace without a ReferenceGrant");
        assertThat(Verdicts.brief(ALL_TRUE, Condition.PROGRAMMED)).isEqualTo("Programmed=True");
        assertThat(Verdicts.written(ALL_TRUE)).isEqualTo("Programmed=True, Accepted=True, ResolvedRefs=True");
    }

    @Test
    void agreementOrNoStatusIsNoDifference() {
        List<WrittenCondition> agreeing = List.of(new WrittenCondition("Accepted", "True", "", ""),
                new WrittenCondition("ResolvedRefs", "False", "RefNotPermitted", ""),
                new WrittenCondition("Programmed", "False", "Invalid", ""));
        assertThat(Verdicts.difference(NOT_PERMITTED, agreeing)).isEmpty();
        assertThat(Verdicts.difference(NOT_PERMITTED, List.of())).isEmpty();
        assertThat(Verdicts.brief(List.of(), Condition.PROGRAMMED)).isEqualTo("no status written");
    }
}
