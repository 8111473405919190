#!/bin/sh
# Makes the neutral example safe-harbour message shipped for the demo (issue 12): espeak-ng speaks the text,
# sox turns it into what the SIP relay plays as it is (8000 Hz, mono, G.711 mu-law WAV). Run from the repository's
# root; the result is committed (a launcher resource, which `pacer demo` uploads as its campaign's message), so
# building Pacer needs neither tool. A real campaign records its own message, with
# the seller's name, a number to call back and how to opt out, and uploads it:
#   curl -X PUT -H 'Content-Type: audio/wav' --data-binary @message.wav \
#        "$PACER/api/v1/campaigns/1/message?name=message.wav" -H "Authorization: Bearer $TOKEN"
set -e
TEXT="This is an automated message from Example Company. No agent was free to take our call. \
To call back or opt out, dial 0 8 0 0, 0 0 0, 0 0 0."
espeak-ng -v en-gb -s 175 -w /tmp/example-abandon-message-22k.wav "$TEXT"
sox /tmp/example-abandon-message-22k.wav -r 8000 -c 1 -e u-law -b 8 \
    launcher/src/main/resources/io/pacer/launcher/example-abandon-message.wav
rm -f /tmp/example-abandon-message-22k.wav
