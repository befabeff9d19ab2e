#!/bin/sh
# Fills the ${VARIABLES} in alertmanager.yml from the environment, then starts Alertmanager on the result with the
# arguments given. The compose stack uses it as Alertmanager's entrypoint (the image has busybox sh and sed, no
# envsubst); the end-to-end tests run it too. Alertmanager itself does not expand environment variables.
#
#   SMTP_HOST, SMTP_PORT     mail relay (default localhost, 587)
#   SMTP_FROM                sender address (default vigil-alerts@localhost)
#   SMTP_USERNAME            SMTP login; empty = no authentication. The password is read from the secret file
#                            /run/secrets/smtp_password when a mail is sent, never from the environment.
#   ALERT_EMAIL_TO           where critical alerts are mailed (default root@localhost)
#   ALERTMANAGER_TEMPLATE    the file to render (default /etc/alertmanager/alertmanager.yml)
#   ALERTMANAGER_CONFIG      where to write the result (default /tmp/alertmanager.yml)
#   ALERTMANAGER_BIN         the binary (default /bin/alertmanager; Debian: /usr/bin/prometheus-alertmanager)
set -eu

template=${ALERTMANAGER_TEMPLATE:-/etc/alertmanager/alertmanager.yml}
rendered=${ALERTMANAGER_CONFIG:-/tmp/alertmanager.yml}

# Escapes a value for the replacement side of a sed s||| command.
escape() {
  printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'
}

sed -e "s|\${SMTP_HOST}|$(escape "${SMTP_HOST:-localhost}")|g" \
    -e "s|\${SMTP_PORT}|$(escape "${SMTP_PORT:-587}")|g" \
    -e "s|\${SMTP_FROM}|$(escape "${SMTP_FROM:-vigil-alerts@localhost}")|g" \
    -e "s|\${SMTP_USERNAME}|$(escape "${SMTP_USERNAME:-}")|g" \
    -e "s|\${ALERT_EMAIL_TO}|$(escape "${ALERT_EMAIL_TO:-root@localhost}")|g" \
    "$template" > "$rendered"

exec "${ALERTMANAGER_BIN:-/bin/alertmanager}" --config.file="$rendered" "$@"
