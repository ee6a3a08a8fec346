#!/usr/bin/env python3
"""Writes the configuration bench/route-scale.sh serves: HOSTS hosts x PATHS paths, three ways.

  OUT/ingress/   Secret bench/bench-tls (*.bench.test), Service bench/web, and HOSTS Ingresses
                 (one per host, HOSTS_PER_FILE per file), each with PATHS Prefix paths /sJ/ and TLS
  OUT/gateway/   the same Secret and Service, GatewayClass bench, Gateway bench/edge (an HTTPS listener
                 on 443 for *.bench.test with that Secret, an HTTP one on 80) and HOSTS HTTPRoutes, one
                 rule per path
  OUT/nginx.conf one server block per host with PATHS locations, as ingress-nginx would write it
  OUT/spread.lua wrk script: every request a different host and path, round robin over all of them

Usage: route_scale_gen.py OUT HOSTS PATHS CERT KEY BACKEND_PORT NGINX_PORT
"""
import os
import sys

HOSTS_PER_FILE = 100


def host(i):
    return "h%04d.bench.test" % i


def indent(text, pad):
    return "".join(pad + line + "\n" for line in text.strip().splitlines())


def common(cert, key):
    return ("apiVersion: v1\nkind: Secret\nmetadata: {name: bench-tls, namespace: bench}\n"
            "type: kubernetes.io/tls\nstringData:\n  tls.crt: |\n" + indent(cert, "    ")
            + "  tls.key: |\n" + indent(key, "    ")
            + "---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: bench}\n"
            + "spec:\n  ports: [{name: http, port: 80, targetPort: 8080}]\n")


def ingress(i, paths):
    lines = ["apiVersion: networking.k8s.io/v1", "kind: Ingress",
             "metadata: {name: site-%04d, namespace: bench}" % i,
             "spec:", "  ingressClassName: nginx",
             "  tls: [{hosts: [%s], secretName: bench-tls}]" % host(i),
             "  rules:", "    - host: %s" % host(i), "      http:", "        paths:"]
    for j in range(paths):
        lines.append("          - {path: /s%d/, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}" % j)
    return "\n".join(lines) + "\n"


def httproute(i, paths):
    lines = ["apiVersion: gateway.networking.k8s.io/v1", "kind: HTTPRoute",
             "metadata: {name: site-%04d, namespace: bench}" % i,
             "spec:", "  parentRefs: [{name: edge, sectionName: https}]",
             "  hostnames: [%s]" % host(i), "  rules:"]
    for j in range(paths):
        lines.append("    - matches: [{path: {type: PathPrefix, value: /s%d/}}]" % j)
        lines.append("      backendRefs: [{name: web, port: 80}]")
    return "\n".join(lines) + "\n"


GATEWAY = """apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: bench}
spec: {controllerName: example.com/bench}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: bench}
spec:
  gatewayClassName: bench
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      hostname: "*.bench.test"
      tls: {mode: Terminate, certificateRefs: [{name: bench-tls}]}
    - name: http
      protocol: HTTP
      port: 80
"""


def write_chunks(directory, hosts, paths, render):
    for start in range(0, hosts, HOSTS_PER_FILE):
        with open(os.path.join(directory, "sites-%04d.yaml" % start), "w") as f:
            f.write("---\n".join(render(i, paths) for i in range(start, min(hosts, start + HOSTS_PER_FILE))))


def nginx_conf(out, hosts, paths, work, backend_port, nginx_port):
    # what ingress-nginx's template does per request, as in bench/proxy-vs-nginx.sh
    location = ("proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\";"
                " proxy_set_header Host $host; proxy_set_header X-Request-ID $request_id;"
                " proxy_set_header X-Real-IP $remote_addr; proxy_set_header X-Forwarded-For $remote_addr;"
                " proxy_set_header X-Forwarded-Host $host; proxy_set_header X-Forwarded-Port $server_port;"
                " proxy_set_header X-Forwarded-Proto $scheme; proxy_set_header X-Original-URI $request_uri;"
                " add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;")
    with open(os.path.join(out, "nginx.conf"), "w") as f:
        f.write("worker_processes auto; daemon on; pid %s/nginx.pid; error_log %s/nginx-error.log;\n" % (work, work))
        f.write("worker_rlimit_nofile 65535; events { worker_connections 8192; }\n")
        f.write("http { access_log off; keepalive_requests 1000000;\n")
        f.write("  server_names_hash_bucket_size 128; server_names_hash_max_size 65536;\n")
        f.write("  upstream backend { server 127.0.0.1:%d; keepalive 320; keepalive_requests 1000000; }\n" % backend_port)
        f.write("  ssl_certificate %s/tls.crt; ssl_certificate_key %s/tls.key;\n" % (work, work))
        f.write("  ssl_protocols TLSv1.2 TLSv1.3; ssl_session_cache off; ssl_session_tickets off;\n")
        f.write("  server { listen 127.0.0.1:%d ssl default_server; server_name _; return 404; }\n" % nginx_port)
        for i in range(hosts):
            f.write("  server { listen 127.0.0.1:%d ssl; server_name %s;\n" % (nginx_port, host(i)))
            for j in range(paths):
                f.write("    location /s%d/ { %s }\n" % (j, location))
            f.write("    location / { return 404; } }\n")
        f.write("}\n")


def spread_lua(out, hosts, paths):
    with open(os.path.join(out, "spread.lua"), "w") as f:
        f.write("""-- every request another host and path; connects to 127.0.0.1 whatever the URL's host
local hosts, paths = %d, %d
wrk.resolve = function(host, service)
  wrk.addrs = wrk.lookup("127.0.0.1", service)
end
local n = 0
local requests = {}
init = function(args)
  for i = 0, hosts - 1 do
    for j = 0, paths - 1 do
      requests[#requests + 1] = wrk.format("GET", string.format("/s%%d/page", j),
        { Host = string.format("h%%04d.bench.test", i) })
    end
  end
  n = math.random(#requests) - 1
end
request = function()
  n = n %% #requests + 1
  return requests[n]
end
""" % (hosts, paths))


def main():
    out, hosts, paths, cert_file, key_file, backend_port, nginx_port = sys.argv[1:8]
    hosts, paths, backend_port, nginx_port = int(hosts), int(paths), int(backend_port), int(nginx_port)
    cert, key = open(cert_file).read(), open(key_file).read()
    for kind, render in (("ingress", ingress), ("gateway", httproute)):
        d = os.path.join(out, kind)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "common.yaml"), "w") as f:
            f.write(common(cert, key) + ("---\n" + GATEWAY if kind == "gateway" else ""))
        write_chunks(d, hosts, paths, render)
    nginx_conf(out, hosts, paths, out, backend_port, nginx_port)
    spread_lua(out, hosts, paths)


if __name__ == "__main__":
    main()
