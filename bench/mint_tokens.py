#!/usr/bin/env python3
"""Mints access tokens in the authentication service's layout (simplejwt, HS256) for load tests.
Reads "user_id[,role]" lines on stdin, writes one token per line. Usage: mint_tokens.py SECRET < users"""
import base64, hashlib, hmac, json, sys, time, uuid

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

secret = sys.argv[1].encode()
now = int(time.time())
header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    user_id, _, role = line.partition(",")
    claims = {"token_type": "access", "exp": now + 4 * 3600, "iat": now, "jti": uuid.uuid4().hex, "user_id": user_id,
              "email": f"{user_id[:8]}@example.com", "first_name": "Bench", "last_name": "User", "user_role": role or "customer"}
    body = b64(json.dumps(claims, separators=(",", ":")).encode())
    signature = b64(hmac.new(secret, f"{header}.{body}".encode(), hashlib.sha256).digest())
    print(f"{header}.{body}.{signature}")
