//! LSP's base protocol on the client side: `Content-Length` framed JSON-RPC
//! bodies read from the server's stdout. Shared by the integration tests'
//! client and the server benchmark (`benches/lsp_latency.rs`).

use std::io::{BufRead, BufReader, Read};

/// Reads framed messages from `stdout` until it closes or `each` returns
/// false, handing each message's body to `each` as soon as its last byte
/// has arrived.
pub fn read_frames(stdout: impl Read, mut each: impl FnMut(Vec<u8>) -> bool) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(": ").expect("header line");
            assert_eq!(name, "Content-Length", "unexpected header {line:?}");
            length = Some(value.parse::<usize>().expect("length"));
        }
        let mut body = vec![0; length.expect("Content-Length")];
        if reader.read_exact(&mut body).is_err() || !each(body) {
            return;
        }
    }
}
