//! `baogao serve` as a browser or a script uses it: the real binary on a
//! free loopback port, spoken to over plain HTTP/1.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};

/// A running `baogao serve`, stopped when dropped.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn baogao serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .trim()
            .strip_prefix("baogao serve: http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .parse()
            .unwrap();
        Server { child, address }
    }

    /// Sends one request and reads the whole answer.
    fn request(&self, method: &str, path: &str, content_type: &str, body: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(self.address).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.address,
            body.len()
        )
        .unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned()))
            .collect();
        Answer {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    fn analyse(&self, text: &str) -> Answer {
        let body = json!({ "text": text }).to_string();
        self.request("POST", "/api/analyse", "application/json", body.as_bytes())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        assert_eq!(self.header("content-type"), "application/json");
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// A real report with a seeded numbering gap: its review's 三、 written 四、.
fn report_with_gap() -> (String, u64) {
    let text = std::fs::read_to_string("tests/fixtures/renda-yaan.txt").unwrap();
    let line = text.lines().position(|l| l.starts_with("三、")).unwrap();
    let seeded = text.replacen("\n三、", "\n四、", 1);
    (seeded, line as u64)
}

fn walk<'a>(nodes: &'a Value, out: &mut Vec<&'a Value>) {
    for node in nodes.as_array().unwrap() {
        out.push(node);
        walk(&node["children"], out);
    }
}

#[test]
fn a_pasted_report_gets_its_outline_findings_and_figures() {
    let server = Server::start();
    let (text, gap_line) = report_with_gap();
    let answer = server.analyse(&text);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("cache-control"), "no-store");
    let json = answer.json();

    let report = &json["reports"][0];
    assert_eq!(report["name"], "雅安市人民代表大会常务委员会工作报告");
    assert_eq!(report["kind"], "congress");
    assert_eq!(report["parts"][2], "review");
    assert!(report["summary"].as_str().unwrap().starts_with("**数据 "));
    let mut nodes = Vec::new();
    walk(&report["children"], &mut nodes);
    let review = nodes.iter().find(|n| n["part"] == "review").unwrap();
    assert_eq!(review["name"], "2022年主要工作");
    assert_eq!(review["part_name"], "工作回顾");
    assert!(review["figures"].as_u64().unwrap() > 0);
    assert!(review["summary"].as_str().unwrap().contains("**要点**"));
    let heading = nodes
        .iter()
        .find(|n| n["name"].as_str().unwrap().starts_with("四、自觉践行"))
        .unwrap();
    assert_eq!(heading["level"], "h1");
    assert_eq!(
        heading["selection"]["start"],
        json!({"line": gap_line, "character": 0})
    );

    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "BG004")
        .unwrap();
    assert_eq!(finding["severity"], "warning");
    assert_eq!(finding["range"]["start"]["line"], gap_line);
    assert_eq!(finding["fixes"][0]["title"], "重新编号本列表");
    let first_edit = &finding["fixes"][0]["edits"][0];
    assert_eq!(first_edit["new_text"], "三、");
    assert_eq!(first_edit["range"]["start"]["line"], gap_line);
    assert_eq!(json["rules"]["BG004"]["name"], "numbering-sequence");
    assert!(json["rules"]["BG004"]["explanation"]
        .as_str()
        .unwrap()
        .contains("## What it does"));
}

#[test]
fn positions_count_utf16_code_units() {
    let server = Server::start();
    // 𠀀 is one character, two UTF-16 units, four bytes.
    let json = server.analyse("𠀀,，，测试\n").json();
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "BG017")
        .unwrap();
    assert_eq!(
        finding["range"]["start"],
        json!({"line": 0, "character": 3})
    );
}

#[test]
fn markup_in_a_report_comes_back_as_data() {
    let server = Server::start();
    let text = "各位代表：\n一、<script>alert(1)</script>\n二、<img src=x onerror=alert(1)>\n";
    let json = server.analyse(text).json();
    let mut nodes = Vec::new();
    walk(&json["reports"][0]["children"], &mut nodes);
    let names: Vec<&str> = nodes.iter().map(|n| n["name"].as_str().unwrap()).collect();
    assert!(
        names.contains(&"一、<script>alert(1)</script>"),
        "{names:?}"
    );
    assert!(
        names.contains(&"二、<img src=x onerror=alert(1)>"),
        "{names:?}"
    );

    let page = server.request("GET", "/", "text/plain", b"");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-security-policy")
        .contains("script-src 'self';"));
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    let script = server.request("GET", "/app.js", "text/plain", b"");
    assert_eq!(script.status, 200);
    assert!(script.header("content-type").starts_with("text/javascript"));
}

#[test]
fn a_request_over_the_limit_is_refused_with_a_clear_error() {
    let server = Server::start();
    let body = vec![b' '; (16 << 20) + 1];
    let answer = server.request("POST", "/api/analyse", "application/json", &body);
    assert_eq!(answer.status, 413);
    assert_eq!(
        answer.json()["error"],
        "the request is larger than the limit of 16 MB"
    );
    // The server goes on answering.
    assert_eq!(server.analyse("各位代表：\n").status, 200);
}

#[test]
fn bad_requests_say_what_is_wrong() {
    let server = Server::start();
    let not_json = server.request("POST", "/api/analyse", "application/json", b"text");
    assert_eq!(not_json.status, 400);
    assert!(not_json.json()["error"]
        .as_str()
        .unwrap()
        .starts_with("the body must be JSON {\"text\": \"…\"}"));
    let unnamed = server.request("POST", "/api/upload", "application/octet-stream", b"x");
    assert_eq!(unnamed.status, 400);
    // An old Word file: its first bytes are an OLE2 compound file's.
    let binary = server.request(
        "POST",
        "/api/upload?name=report.doc",
        "application/octet-stream",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0",
    );
    assert_eq!(binary.status, 422);
    let error = binary.json()["error"].as_str().unwrap().to_owned();
    assert!(error.starts_with("report.doc: "), "{error}");
    assert!(error.contains(".docx"), "{error}");
    assert_eq!(
        server
            .request("GET", "/api/nothing", "text/plain", b"")
            .status,
        404
    );
}

#[test]
fn an_uploaded_text_file_gets_its_text_and_the_same_analysis() {
    let server = Server::start();
    let (text, _) = report_with_gap();
    let upload = server.request(
        "POST",
        "/api/upload?name=%E9%9B%85%E5%AE%89.txt",
        "application/octet-stream",
        text.as_bytes(),
    );
    assert_eq!(upload.status, 200);
    let mut uploaded = upload.json();
    assert_eq!(uploaded["name"], "雅安.txt");
    assert_eq!(uploaded["text"], text.as_str());
    let object = uploaded.as_object_mut().unwrap();
    object.remove("name");
    object.remove("text");
    assert_eq!(uploaded, server.analyse(&text).json());
}

#[test]
fn an_uploaded_word_document_reads_as_its_text() {
    let server = Server::start();
    let docx = std::fs::read("tests/fixtures/docx/zhengfu-beijing-2026.docx").unwrap();
    let text = std::fs::read_to_string("tests/fixtures/zhengfu-beijing-2026.txt").unwrap();
    let upload = server.request(
        "POST",
        "/api/upload?name=beijing.docx",
        "application/octet-stream",
        &docx,
    );
    assert_eq!(upload.status, 200);
    let uploaded = upload.json();
    let typed = server.analyse(&text).json();
    assert_eq!(uploaded["reports"], typed["reports"]);
    assert_eq!(uploaded["findings"], typed["findings"]);
}

#[test]
fn a_hundred_requests_at_once_are_all_answered() {
    let server = Server::start();
    let (text, _) = report_with_gap();
    let expected = server.analyse(&text).body;
    let answers: Vec<Answer> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..100)
            .map(|_| scope.spawn(|| server.analyse(&text)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(answers.len(), 100);
    for answer in answers {
        assert_eq!(answer.status, 200);
        assert!(answer.body == expected);
    }
}

#[test]
fn a_contradiction_points_at_the_other_mention() {
    let server = Server::start();
    let text = "各位代表：\n一、工作回顾\n全年召开会议9次，审议议题20项。\n全年召开会议8次。\n二、工作安排\n做好工作。\n";
    let json = server.analyse(text).json();
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "BG013")
        .unwrap();
    assert_eq!(finding["range"]["start"]["line"], 3);
    assert_eq!(finding["related"][0]["range"]["start"]["line"], 2);
}
