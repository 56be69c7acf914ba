#!/usr/bin/env bash
# Creates the Secrets the dev overlay references, which the manifests never contain: the sandbox's documented demo
# credentials (docs/sandbox.md) for the clients, and a random password per database role (kept when it exists).
# usage: deploy/k8s/overlays/dev/create-secrets.sh   (current kubectl context; NAMESPACE=portal by default)
set -euo pipefail
ns=${NAMESPACE:-portal}
kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
apply_secret() { kubectl -n "$ns" create secret generic "$@" --dry-run=client -o yaml | kubectl apply -f -; }
apply_secret portal-whmcs --from-literal=identifier=sandbox-identifier --from-literal=secret=sandbox-secret
apply_secret portal-salesforce --from-literal=client-id=sandbox-client --from-literal=client-secret=sandbox-secret
apply_secret portal-freebit --from-literal=oem-id=sandbox-oem --from-literal=oem-key=sandbox-key
apply_secret portal-stripe --from-literal=secret-key=sk_test_sandbox --from-literal=webhook-secret=whsec_sandbox
for pair in identity-service:identity order-service:orders fulfillment-service:fulfillment billing-service:billing sim-service:sim \
            case-service:cases wishlist-service:wishlist cdc-bridge:cdc_bridge; do
  service=${pair%%:*} role=${pair#*:}
  if ! kubectl -n "$ns" get secret "$service-db" >/dev/null 2>&1; then
    kubectl -n "$ns" create secret generic "$service-db" --type=kubernetes.io/basic-auth \
      --from-literal=username="$role" --from-literal=password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
  fi
done
echo "secrets ready in namespace $ns"
