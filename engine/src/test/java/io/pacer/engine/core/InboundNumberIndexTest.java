package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The forms carriers write a dialled number in, matched against the campaigns' E.164 numbers. */
class InboundNumberIndexTest {

    private static InboundNumberIndex index() {
        InboundNumberIndex index = new InboundNumberIndex();
        index.add(1, List.of("+493012345678", "+15551234567"));
        index.add(2, List.of("+442071234567"));
        return index;
    }

    @Test
    void internationalFormsMatchExactly() {
        InboundNumberIndex index = index();
        assertEquals(1, index.campaignOf("+493012345678"));
        assertEquals(2, index.campaignOf("+442071234567"));
        assertEquals(1, index.campaignOf("493012345678"), "bare international digits");
        assertEquals(1, index.campaignOf("15551234567"), "NANP with its 1");
        assertEquals(-1, index.campaignOf("+493012345679"));
    }

    @Test
    void nationalFormsMatchTheNationalPartWithOrWithoutTheTrunkPrefix() {
        InboundNumberIndex index = index();
        assertEquals(1, index.campaignOf("03012345678"), "German national form with trunk prefix 0");
        assertEquals(1, index.campaignOf("5551234567"), "NANP ten digits");
        assertEquals(2, index.campaignOf("02071234567"), "UK national form");
        assertEquals(-1, index.campaignOf("0301234567"), "one digit short is another number");
        assertEquals(-1, index.campaignOf("345678"), "a tail of a number is not the number");
    }

    @Test
    void aNationalFormSharedByTwoCountriesReachesNeither() {
        InboundNumberIndex index = new InboundNumberIndex();
        index.add(1, List.of("+493012345678"));
        index.add(2, List.of("+433012345678"));
        assertEquals(-1, index.campaignOf("03012345678"), "Germany or Austria: refused rather than guessed");
        assertEquals(1, index.campaignOf("+493012345678"));
        assertEquals(2, index.campaignOf("00433012345678".substring(2)));
    }

    @Test
    void theCallKeepsTheCampaignsE164Number() {
        List<String> numbers = List.of("+493012345678", "+15551234567");
        assertEquals("+493012345678", InboundNumberIndex.e164("03012345678", numbers));
        assertEquals("+15551234567", InboundNumberIndex.e164("5551234567", numbers));
        assertEquals("+15551234567", InboundNumberIndex.e164("15551234567", numbers));
        assertEquals("+15551234567", InboundNumberIndex.e164("+15551234567", numbers));
    }

    @Test
    void nothingDialledReachesNothing() {
        assertEquals(-1, index().campaignOf(null));
        assertEquals(-1, index().campaignOf(""));
        assertEquals(-1, new InboundNumberIndex().campaignOf("+493012345678"));
    }
}
