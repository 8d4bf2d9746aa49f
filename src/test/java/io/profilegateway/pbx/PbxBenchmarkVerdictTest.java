package io.profilegateway.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** P1's verdict (quality.md): the gateway's time against the raw client's; 5 s only on the simulator. */
class PbxBenchmarkVerdictTest {

    @Test
    void onARealAsteriskTheRawClientsTimeIsTheBar() {
        // stack.md: Asterisk 22.10.1, 110,000 actions: raw client 35.7 s, gateway 31.5 s
        assertThat(PbxBenchmark.p1Verdict(31.5, 35.7, false)).contains("= 0.88").contains("goal ≤ 1.00: MET")
                .contains("≤ 1.25: MET").contains("holds only on the simulator").doesNotContain("NOT MET");
        assertThat(PbxBenchmark.p1Verdict(40.0, 35.7, false)).contains("goal ≤ 1.00: NOT MET")
                .contains("≤ 1.25: MET");
        assertThat(PbxBenchmark.p1Verdict(50.0, 35.7, false)).contains("≤ 1.25: NOT MET");
    }

    @Test
    void onTheSimulatorTheFiveSecondsCountToo() {
        assertThat(PbxBenchmark.p1Verdict(3.65, 0.39, true)).contains("goal ≤ 1.00: NOT MET")
                .contains("within 5 s: 3.65 s, MET");
        assertThat(PbxBenchmark.p1Verdict(6.0, 6.5, true)).contains("goal ≤ 1.00: MET")
                .contains("within 5 s: 6.00 s, NOT MET");
    }
}
