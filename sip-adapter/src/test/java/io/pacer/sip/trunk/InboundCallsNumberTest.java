package io.pacer.sip.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import org.junit.jupiter.api.Test;

/** The dialled number read off a carrier's Request-URI, in the form the engine matches. */
class InboundCallsNumberTest {

    private static String dialled(String uri) throws Exception {
        AddressFactory addresses = SipFactory.getInstance().createAddressFactory();
        return InboundCalls.dialled(addresses.createURI(uri));
    }

    @Test
    void internationalFormsKeepTheirPlus() throws Exception {
        assertEquals("+493012345678", dialled("sip:+493012345678@127.0.0.1"));
        assertEquals("+493012345678", dialled("sip:00493012345678@127.0.0.1;user=phone"));
        assertEquals("+493012345678", dialled("sip:+49-30-1234-5678;npdi@127.0.0.1"));
        assertEquals("+15551234567", dialled("tel:+1-555-123-4567"));
    }

    @Test
    void otherFormsAreHandedOverAsDigitsForTheEngineToMatch() throws Exception {
        assertEquals("03012345678", dialled("sip:03012345678@127.0.0.1"));
        assertEquals("5551234567", dialled("sip:(555)123-4567@127.0.0.1"));
        assertEquals("03012345678", dialled("tel:030-1234-5678;phone-context=+49"));
    }

    @Test
    void whatIsNoNumberIsRefused() throws Exception {
        assertNull(dialled("sip:sales@127.0.0.1"));
        assertNull(dialled("sip:127.0.0.1"));
        assertNull(dialled("sip:1234@127.0.0.1"), "too short");
        assertNull(dialled("sip:+0301234567@127.0.0.1"), "international form cannot start with 0");
        assertNull(dialled("sip:49+301234567@127.0.0.1"), "a plus inside the digits");
    }
}
