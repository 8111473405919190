package io.pacer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmdStateMachineTest {
    private static final int VOICE = 3000;

    @Test
    void shortHelloThenSilenceIsHumanAfterTheAfterGreetingSilence() {
        Synth s = new Synth().silence(400).speech(500, VOICE).silence(2000);
        CallAnalyser a = Synth.analyse(s.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.HUMAN, a.verdict());
        assertEquals(AmdCause.HUMAN, a.amdCause());
        // The greeting ends at 900 ms; HUMAN comes 800 ms of silence later.
        assertEquals(1700, a.decisionMillis());
    }

    @Test
    void longGreetingIsMachine() {
        Synth s = new Synth().silence(300);
        for (int i = 0; i < 3; i++) {
            s.speech(700, VOICE).silence(30);
        }
        CallAnalyser a = Synth.analyse(s.silence(1000).samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.MACHINE, a.verdict());
        assertEquals(AmdCause.LONG_GREETING, a.amdCause());
    }

    @Test
    void moreWordsThanAllowedIsMachine() {
        Synth s = new Synth().silence(300);
        for (int i = 0; i < 4; i++) {
            s.speech(200, VOICE).silence(150);
        }
        CallAnalyser a = Synth.analyse(s.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.MACHINE, a.verdict());
        assertEquals(AmdCause.MAX_WORDS, a.amdCause());
        // The third word is counted once it is 100 ms long: 300 + 2 * 350 + 100.
        assertEquals(1100, a.decisionMillis());
    }

    @Test
    void theSameWordsAreHumanWhenMoreAreAllowed() {
        Synth s = new Synth().silence(300);
        for (int i = 0; i < 3; i++) {
            s.speech(200, VOICE).silence(150);
        }
        AmdParameters lenient = new AmdParameters(2500, 1500, 800, 5000, 100, 50, 3, 256, 5000);
        assertEquals(Verdict.HUMAN, Synth.analyse(s.silence(1000).samples(), lenient).verdict());
    }

    @Test
    void silenceIsSilenceAtTheInitialSilenceAllowance() {
        CallAnalyser a = Synth.analyse(new Synth().silence(4000).noise(200).samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.SILENCE, a.verdict());
        assertEquals(AmdCause.INITIAL_SILENCE, a.amdCause());
        assertEquals(2500, a.decisionMillis());
    }

    @Test
    void aWordThenClicksThatAreNeverWordsRunOutTheAnalysisTimeAsNotSure() {
        Synth s = new Synth().silence(300).speech(200, VOICE);
        for (int i = 0; i < 7; i++) {
            s.silence(700).speech(40, VOICE);
        }
        CallAnalyser a = Synth.analyse(s.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.NOTSURE, a.verdict());
        assertEquals(AmdCause.TOO_LONG, a.amdCause());
        assertEquals(5000, a.decisionMillis());
    }

    @Test
    void aFileThatEndsMidGreetingIsFinishedWithSilence() {
        CallAnalyser a = Synth.analyse(new Synth().silence(200).speech(600, VOICE).samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.HUMAN, a.verdict());
        assertEquals(1600, a.decisionMillis());
    }

    @Test
    void lineNoiseAboveTheSilenceThresholdIsNotOneEndlessWord() {
        // Mean |noise| about 350, above app_amd's threshold of 256: with a fixed threshold every call is MACHINE.
        Synth hello = new Synth().silence(600).speech(500, 6000).silence(3000).noise(700);
        CallAnalyser a = Synth.analyse(hello.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.HUMAN, a.verdict());
        assertTrue(Math.abs(a.decisionMillis() - 1900) <= 100, "decided at " + a.decisionMillis());
        assertEquals(Verdict.SILENCE, Synth.analyse(new Synth().silence(4000).noise(700).samples(),
                AmdParameters.DEFAULT).verdict());
        Synth greeting = new Synth().silence(600).speech(2500, 6000).silence(2000).noise(700);
        assertEquals(Verdict.MACHINE, Synth.analyse(greeting.samples(), AmdParameters.DEFAULT).verdict());
    }

    @Test
    void presetsAreNamedAndBadValuesAreRefusedByName() {
        assertEquals(AmdParameters.CAUTIOUS, AmdParameters.preset("cautious"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new AmdParameters(2500, 0, 800, 5000, 100, 50, 2, 256, 5000));
        assertTrue(e.getMessage().contains("greeting"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AmdParameters.preset("fast"));
        assertTrue(e.getMessage().contains("fast"), e.getMessage());
    }
}
