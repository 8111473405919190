#!/usr/bin/env bash
# Issue 18's end-to-end test (docs/cluster.md, "Tests"): three pacer run nodes on one PostgreSQL behind a real
# Kamailio (docs/cluster/kamailio.cfg), a SIPp carrier and SIPp agent phones registered with Kamailio; one node is
# killed with SIGKILL mid-campaign. About a minute on two cores, so not in `mvn verify`'s suite.
#
# Runs in a private network namespace (its loopback ports cannot clash with anything else on the machine) when
# `unshare` may make one, else on the machine's loopback. Needs: kamailio, sip-tester (SIPp), postgresql, Java 17,
# Maven with the project's dependencies in ~/.m2 (run `mvn -B -q -DskipTests verify -pl launcher -am` once if not).
# Its logs (Kamailio, nodes, SIPp message traces) stay in /tmp/pacer-cluster-e2e*; the test prints the takeover time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
for tool in kamailio sipp; do
  command -v "$tool" >/dev/null || { echo "cluster-e2e: $tool not found (apt-get install kamailio sip-tester)" >&2; exit 2; }
done
cmd='mvn -B -q -o verify -pl launcher -am -Dtest=ClusterKamailioSippTest -Dsurefire.failIfNoSpecifiedTests=false -Dpacer.cluster.e2e=true -Djacoco.skip=true'
if unshare --net true 2>/dev/null; then
  unshare --net bash -c "ip link set lo up && $cmd"
else
  bash -c "$cmd"
fi
grep -h "cluster e2e" launcher/target/surefire-reports/*ClusterKamailioSippTest-output.txt 2>/dev/null | cut -c1-200 || true
