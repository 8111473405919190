package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.sip.media.PromptAudio;
import io.pacer.store.compliance.MessageAudio;
import org.junit.jupiter.api.Test;

/** The example message shipped for the demo passes the upload's checks and plays on both G.711 laws. */
class ExamplePromptTest {

    @Test
    void theShippedExampleIsAValidMessageOfAFewSeconds() {
        byte[] wav = DemoFloor.examplePrompt();
        MessageAudio audio = MessageAudio.check(wav);
        assertEquals("ULAW", audio.encoding());
        assertTrue(audio.millis() >= 5_000 && audio.millis() <= 15_000, "a brief message: " + audio.millis() + " ms");
        PromptAudio ulaw = PromptAudio.of("example.wav", wav, "PCMU");
        PromptAudio alaw = PromptAudio.of("example.wav", wav, "PCMA");
        assertEquals(audio.millis(), ulaw.millis(), 20);
        assertEquals(ulaw.frames(), alaw.frames());
    }
}
