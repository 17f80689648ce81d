"""Addresses people type or scan: the machine's LAN address and the join QR code."""

from __future__ import annotations

import functools
import ipaddress
import socket

from exports.qr_runs import dark_runs, qr_matrix


def lan_address() -> str:
    """The address phones on the same Wi-Fi can reach. Never 127.0.0.1 when there is a network."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            # connect() on a UDP socket only asks the kernel for a route; no packet is sent.
            probe.connect(("10.254.254.254", 1))
            address = probe.getsockname()[0]
            if address and not address.startswith("127."):
                return address
    except OSError:
        pass
    try:
        for address in socket.gethostbyname_ex(socket.gethostname())[2]:
            if not address.startswith("127."):
                return address
    except OSError:
        pass
    return "127.0.0.1"


WILDCARD_HOSTS = {"", "0.0.0.0", "::"}


def served_host(host: str) -> str:
    """The address in printed links and the QR code for an app bound to `host`: one it really listens on.

    Bound to every interface, phones need the LAN address. Bound to one address (the hotspot's own
    interface, or loopback for a test), any other address would not open, so that address is used.
    """
    host = host.strip().strip("[]")
    if host in WILDCARD_HOSTS:
        return lan_address()
    if host.lower() == "localhost":
        return "127.0.0.1"  # uvicorn binds "localhost" as IPv4
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host  # a name the user chose (e.g. a hotspot's host name): phones use that name
    return f"[{address}]" if address.version == 6 else str(address)


def base_url(public_url: str, port: int, host: str = "0.0.0.0") -> str:
    """The start of every link people open; `--public-url` always wins (a proxy or a fixed name knows best)."""
    return public_url.rstrip("/") if public_url else f"http://{served_host(host)}:{port}"


@functools.lru_cache(maxsize=64)
def qr_svg(data: str) -> str:
    """An SVG QR code that stays sharp on a projector (no fixed size: it scales to its box).

    Drawn from the code's modules as one path of horizontal runs, like the handouts: qrcode's own SVG writer
    loads lxml (6 MiB of a server that draws a handful of QR codes an evening).
    """
    rows = qr_matrix(data, border=2)
    runs = "".join(f"M{start},{y}h{length}v1h-{length}z" for y, start, length in dark_runs(rows))
    # Inline in the page, so no xmlns: the HTML parser puts an <svg> in the SVG namespace by itself.
    return (f'<svg role="img" aria-label="QR" viewBox="0 0 {len(rows)} {len(rows)}" shape-rendering="crispEdges">'
            f'<path d="{runs}" fill="#000000"/></svg>')
