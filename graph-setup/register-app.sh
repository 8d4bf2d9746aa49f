#!/usr/bin/env bash
# Registers the Entra ID application of the Profile Gateway's Teams-meeting trigger with the Azure CLI:
# application permissions Presence.Read.All (poll presence) and User.Read.All (match users by e-mail),
# admin consent, a client secret, and prints the gateway.graph.* values to configure.
#
#   ./register-app.sh [--name "Profile Gateway"] [--years 1] [--subscriptions] [--publish]
#
# --subscriptions also adds the delegated permission Presence.Read.All and allows public client flows,
# for the service account that owns presence subscriptions (see README.md, "Subscriptions").
# --publish also adds the application permission Presence.ReadWrite.All, for Teams presence from the PBX
# (setPresence / clearPresence, see README.md, "Teams presence from the PBX").
# Needs: az (Azure CLI) logged in as a Global Administrator or Privileged Role Administrator
# (admin consent), and the jq-free defaults of az (-o tsv).
set -euo pipefail

APP_NAME="Profile Gateway"
YEARS=1
SUBSCRIPTIONS=false
PUBLISH=false
while [ $# -gt 0 ]; do
  case "$1" in
    --name) APP_NAME="$2"; shift 2 ;;
    --years) YEARS="$2"; shift 2 ;;
    --subscriptions) SUBSCRIPTIONS=true; shift ;;
    --publish) PUBLISH=true; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# Microsoft Graph's well-known application id
GRAPH_API=00000003-0000-0000-c000-000000000000
# application permissions the gateway uses (client credentials)
APPLICATION_PERMISSIONS=(Presence.Read.All User.Read.All)
# delegated permissions of the subscription service account
DELEGATED_PERMISSIONS=(Presence.Read.All)
# application permissions for Teams presence from the PBX (--publish)
PUBLISH_PERMISSIONS=(Presence.ReadWrite.All)

command -v az >/dev/null || { echo "The Azure CLI (az) is required: https://aka.ms/azure-cli" >&2; exit 1; }
az account show >/dev/null 2>&1 || az login --allow-no-subscriptions >/dev/null

TENANT_ID=$(az account show --query tenantId -o tsv)
echo "Tenant: $TENANT_ID" >&2

APP_ID=$(az ad app create --display-name "$APP_NAME" --sign-in-audience AzureADMyOrg --query appId -o tsv)
echo "App registration: $APP_NAME ($APP_ID)" >&2
az ad sp create --id "$APP_ID" >/dev/null 2>&1 || true   # the enterprise application (may exist already)

for permission in "${APPLICATION_PERMISSIONS[@]}"; do
  ROLE_ID=$(az ad sp show --id "$GRAPH_API" --query "appRoles[?value=='$permission'].id | [0]" -o tsv)
  az ad app permission add --id "$APP_ID" --api "$GRAPH_API" --api-permissions "$ROLE_ID=Role" >/dev/null 2>&1
  echo "  application permission $permission" >&2
done

if [ "$PUBLISH" = true ]; then
  for permission in "${PUBLISH_PERMISSIONS[@]}"; do
    ROLE_ID=$(az ad sp show --id "$GRAPH_API" --query "appRoles[?value=='$permission'].id | [0]" -o tsv)
    az ad app permission add --id "$APP_ID" --api "$GRAPH_API" --api-permissions "$ROLE_ID=Role" >/dev/null 2>&1
    echo "  application permission $permission" >&2
  done
fi

if [ "$SUBSCRIPTIONS" = true ]; then
  for permission in "${DELEGATED_PERMISSIONS[@]}"; do
    SCOPE_ID=$(az ad sp show --id "$GRAPH_API" --query "oauth2PermissionScopes[?value=='$permission'].id | [0]" -o tsv)
    az ad app permission add --id "$APP_ID" --api "$GRAPH_API" --api-permissions "$SCOPE_ID=Scope" >/dev/null 2>&1
    echo "  delegated permission $permission" >&2
  done
  # the service account signs in with user name and password (resource owner password credentials)
  az ad app update --id "$APP_ID" --is-fallback-public-client true
fi

# admin consent; a fresh service principal sometimes needs a few seconds to be visible
for attempt in 1 2 3 4 5 6; do
  if az ad app permission admin-consent --id "$APP_ID" 2>/dev/null; then break; fi
  [ "$attempt" = 6 ] && { echo "admin consent failed: grant it in the Entra admin centre (README.md step 4)" >&2; exit 1; }
  sleep 10
done
echo "  admin consent granted" >&2

SECRET=$(az ad app credential reset --id "$APP_ID" --display-name "profile-gateway" --years "$YEARS" \
  --query password -o tsv)

cat <<CONFIG

# Put these into the gateway's configuration (application.properties or the environment).
# The secret is shown only now; it expires in $YEARS year(s).
gateway.graph.tenant-id=$TENANT_ID
gateway.graph.client-id=$APP_ID
gateway.graph.client-secret=$SECRET

# or as environment variables:
# GATEWAY_GRAPH_TENANT_ID=$TENANT_ID
# GATEWAY_GRAPH_CLIENT_ID=$APP_ID
# GATEWAY_GRAPH_CLIENT_SECRET=<the secret above>
CONFIG

if [ "$SUBSCRIPTIONS" = true ]; then
  cat <<CONFIG
# Subscriptions (push): a licensed service account without MFA and the gateway's public URL
gateway.graph.subscriptions.enabled=true
gateway.graph.subscriptions.notification-url=https://gateway.example.com/api/v1/graph/notifications
gateway.graph.subscriptions.client-state=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
gateway.graph.subscriptions.username=presence-reader@your-domain
gateway.graph.subscriptions.password=<the service account's password>
CONFIG
fi

if [ "$PUBLISH" = true ]; then
  cat <<CONFIG
# Teams presence from the PBX (calls and DND profiles set the users' Teams presence)
gateway.graph.publish.enabled=true
CONFIG
fi
