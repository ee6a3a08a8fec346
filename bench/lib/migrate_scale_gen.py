#!/usr/bin/env python3
"""Writes the input bench/migrate-scale.sh migrates: N Ingresses (default 1,000) across 5 namespaces.

  OUT/common.yaml      per namespace mig0..mig4: a wildcard TLS Secret (*.migN.bench.test) and Services
                       web (80), api (8080), canary (80)
  OUT/ingress-NNNN.yaml  the Ingresses, 100 per file, varied by index:
    every Ingress      its own host hNNNN.migK.bench.test, 2-5 paths (Prefix, some Exact)
    3 in 4             a tls section with the namespace's Secret (ssl-redirect on, ingress-nginx's default)
    1 in 7             ssl-redirect: "false"
    1 in 5             rewrite-target: /$2 on /api(/|$)(.*) (ImplementationSpecific)
    1 in 6             use-regex: "true" with a /vN/items regex path
    1 in 10            is a canary (canary: "true", canary-weight: "20") of the Ingress before it, same host

Usage: migrate_scale_gen.py OUT N CERT KEY
"""
import os
import sys

PER_FILE = 100
NAMESPACES = 5


def indent(text, pad):
    return "".join(pad + line + "\n" for line in text.strip().splitlines())


def common(cert, key):
    docs = []
    for n in range(NAMESPACES):
        ns = "mig%d" % n
        docs.append("apiVersion: v1\nkind: Secret\nmetadata: {name: wild-tls, namespace: %s}\n"
                    "type: kubernetes.io/tls\nstringData:\n  tls.crt: |\n%s  tls.key: |\n%s"
                    % (ns, indent(cert, "    "), indent(key, "    ")))
        for svc, port in (("web", 80), ("api", 8080), ("canary", 80)):
            docs.append("apiVersion: v1\nkind: Service\nmetadata: {name: %s, namespace: %s}\n"
                        "spec:\n  ports: [{name: http, port: %d}]\n" % (svc, ns, port))
    return "---\n".join(docs)


def ingress(i, host_index, ns, canary):
    host = "h%04d.%s.bench.test" % (host_index, ns)
    ann = {}
    paths = []
    npaths = 2 + i % 4
    if canary:
        ann["nginx.ingress.kubernetes.io/canary"] = '"true"'
        ann["nginx.ingress.kubernetes.io/canary-weight"] = '"20"'
        paths.append(("/", "Prefix", "canary", 80))
    else:
        paths.append(("/", "Prefix", "web", 80))
        for j in range(1, npaths):
            paths.append(("/p%d" % j, "Exact" if j == 3 else "Prefix", "web" if j % 2 else "api",
                          80 if j % 2 else 8080))
        if i % 5 == 1:
            ann["nginx.ingress.kubernetes.io/rewrite-target"] = "/$2"
            paths.append(("/api(/|$)(.*)", "ImplementationSpecific", "api", 8080))
        elif i % 6 == 2:
            ann["nginx.ingress.kubernetes.io/use-regex"] = '"true"'
            paths.append(("/v[0-9]+/items", "ImplementationSpecific", "api", 8080))
    tls = i % 4 != 0
    if tls and i % 7 == 0:
        ann["nginx.ingress.kubernetes.io/ssl-redirect"] = '"false"'
    lines = ["apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata:",
             "  name: site-%04d%s" % (host_index, "-canary" if canary else ""), "  namespace: %s" % ns]
    if ann:
        lines.append("  annotations:")
        lines += ["    %s: %s" % (k, v) for k, v in ann.items()]
    lines += ["spec:", "  ingressClassName: nginx"]
    if tls:
        lines.append("  tls: [{hosts: [%s], secretName: wild-tls}]" % host)
    lines += ["  rules:", "    - host: %s" % host, "      http:", "        paths:"]
    for path, kind, svc, port in paths:
        lines.append("          - {path: '%s', pathType: %s, backend: {service: {name: %s, port: {number: %d}}}}"
                     % (path, kind, svc, port))
    return "\n".join(lines) + "\n"


def main():
    out, n, cert, key = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    os.makedirs(out, exist_ok=True)
    with open(cert) as c, open(key) as k:
        with open(os.path.join(out, "common.yaml"), "w") as f:
            f.write(common(c.read(), k.read()))
    docs = []
    host_index = 0
    for i in range(n):
        canary = i % 10 == 3 and i > 0
        if not canary:
            host_index = i
        docs.append(ingress(i, host_index, "mig%d" % (host_index % NAMESPACES), canary))
    for start in range(0, n, PER_FILE):
        with open(os.path.join(out, "ingress-%04d.yaml" % start), "w") as f:
            f.write("---\n".join(docs[start:start + PER_FILE]))


if __name__ == "__main__":
    main()
