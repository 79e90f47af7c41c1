//! The README's promises: its rule table matches the registry, and the two
//! commands it gives a new user point at things that exist.

use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn rule_table_lists_every_rule_with_its_name_and_default() {
    let readme = readme();
    for rule in baogao::rules::all() {
        let severity = serde_json::to_value(rule.default_severity).unwrap();
        let row = format!(
            "| [{code}](docs/rules.md#{anchor}) | `{name}` | {severity} |",
            code = rule.code,
            anchor = rule.code.to_lowercase(),
            name = rule.name,
            severity = severity.as_str().unwrap(),
        );
        assert!(
            readme.contains(&row),
            "README lacks the row starting `{row}`"
        );
    }
    let rows = readme.lines().filter(|l| l.starts_with("| [BG")).count();
    assert_eq!(
        rows,
        baogao::rules::all().len(),
        "README lists a rule that does not exist"
    );
}

#[test]
fn the_two_commands_exist() {
    let readme = readme();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(readme.contains("cargo run --release -- outline tests/fixtures/renda-baicheng.txt"));
    assert!(root.join("tests/fixtures/renda-baicheng.txt").is_file());
    assert!(readme.contains("bash scripts/test"));
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    assert!(
        ci.contains("bash scripts/test"),
        ".ci/run must run the README's test command"
    );
}
