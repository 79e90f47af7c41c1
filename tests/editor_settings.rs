//! The VS Code extension's `baogao.rules` setting lists exactly the rules of
//! the registry, each with its name, default severity and summary, so the
//! Settings editor never offers a rule that does not exist or hides one that
//! does. After adding or changing a rule, regenerate it with
//! `node editors/vscode/scripts/sync-rules.mjs target/debug/baogao`.

use baogao::rules;

#[test]
fn vscode_rule_settings_match_the_registry() {
    let manifest: serde_json::Value =
        serde_json::from_str(include_str!("../editors/vscode/package.json"))
            .expect("editors/vscode/package.json is JSON");
    let setting = &manifest["contributes"]["configuration"]["properties"]["baogao.rules"];
    let entries = setting["properties"]
        .as_object()
        .expect("baogao.rules has one property per rule");

    let listed: Vec<&str> = entries.keys().map(String::as_str).collect();
    let registry: Vec<&str> = rules::all().map(|doc| doc.code).collect();
    assert_eq!(
        listed, registry,
        "baogao.rules in package.json is out of date: run the sync script"
    );
    assert_eq!(setting["additionalProperties"], false);

    for doc in rules::all() {
        let entry = &entries[doc.code];
        assert_eq!(
            entry["enum"],
            serde_json::json!(["error", "warning", "info", "hint", "off"]),
            "{}",
            doc.code
        );
        let description = entry["markdownDescription"].as_str().unwrap_or_default();
        let expected = format!(
            "`{}` (default: {}). {}.",
            doc.name,
            doc.default_severity.id(),
            doc.summary
        );
        assert_eq!(description, expected, "{}: run the sync script", doc.code);
    }
}
