# Sourced by the bench scripts: a standalone Artemis broker on loopback, from Maven Central's tarball.
# Needs WORK and ARTEMIS_VERSION.

artemis_home() {
  local tgz="$HOME/.m2/repository/org/apache/activemq/apache-artemis/$ARTEMIS_VERSION/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz"
  [ -f "$tgz" ] || mvn -B -q dependency:get -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" -Dtransitive=false >&2
  [ -d "$WORK/apache-artemis-$ARTEMIS_VERSION" ] || tar -xzf "$tgz" -C "$WORK"
  echo "$WORK/apache-artemis-$ARTEMIS_VERSION"
}

# artemis_create <instance dir> <user> <password> [more create options]: a loopback-only instance
# with the gateway's redelivery and dead-letter settings included, as README's standalone recipe says
artemis_create() {
  local dir=$1 user=$2 password=$3; shift 3
  "$(artemis_home)/bin/artemis" create "$dir" --silent --user "$user" --password "$password" --require-login \
    --host 127.0.0.1 --http-host 127.0.0.1 --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
    --no-hornetq-acceptor "$@" >/dev/null
  grep -q 'xmlns:xi=' "$dir/etc/broker.xml" || { echo "broker.xml has no xmlns:xi"; exit 1; }
  sed -i "0,/<address-settings>/s||<address-settings>\\n         <xi:include href=\"$PWD/config/artemis/medcom-address-settings.xml\"/>|" \
    "$dir/etc/broker.xml"
  grep -q 'medcom-address-settings.xml' "$dir/etc/broker.xml" || { echo "could not include the broker settings"; exit 1; }
}
