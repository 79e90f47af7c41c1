//! The VS Code extension's `baogao.rules` setting lists exactly the rule
//! families and the rules of the registry, each rule with its name, default
//! severity and summary, so the Settings editor never offers a key the server
//! refuses or hides one it takes. After adding or changing a rule, regenerate it with
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

    // The families and the rules (the JSON object's keys come sorted).
    let mut listed: Vec<&str> = entries.keys().map(String::as_str).collect();
    listed.sort_unstable();
    let mut families: Vec<rules::Family> = Vec::new();
    for doc in rules::all() {
        if !families.contains(&doc.family) {
            families.push(doc.family);
        }
    }
    let mut registry: Vec<&str> = families
        .iter()
        .map(|f| f.id())
        .chain(rules::all().map(|doc| doc.code))
        .collect();
    registry.sort_unstable();
    assert_eq!(
        listed, registry,
        "baogao.rules in package.json is out of date: run the sync script"
    );
    assert_eq!(setting["additionalProperties"], false);

    for family in families {
        let entry = &entries[family.id()];
        assert_eq!(entry["enum"], entries["BG001"]["enum"], "{}", family.id());
        let codes: Vec<&str> = rules::of_family(family).map(|doc| doc.code).collect();
        let description = entry["markdownDescription"].as_str().unwrap_or_default();
        assert!(
            description.contains(&codes.join(", ")),
            "{}: run the sync script",
            family.id()
        );
    }
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
