//! The figures family as a whole: each of its rules finds its slip in a
//! published passage, and `figures = "off"` silences all of them, from
//! `baogao.toml` or from the editor's settings alike.

use baogao::analysis;
use baogao::config;
use baogao::rules::{self, Config, Family};

/// Passages of published reports (lawtext/gov), each with the slip it holds
/// as published or with one figure changed.
const SLIPS: [(&str, &str); 4] = [
    // 儋州市 2021, line 17, as published: 37.8 + 8.8 + 52.5 = 99.1.
    (
        "BG028",
        "三次产业结构由44.2∶11.6∶44.2调整为37.8∶8.8∶52.5。农业总产值比“十二五”时期增长49.6%。\n",
    ),
    // 河池市 2022, line 17, 五星级3个 changed to 8个.
    (
        "BG029",
        "新认定自治区级现代特色农业示范区13个，其中五星级8个、四星级10个，认定数量排在全区第二。\n",
    ),
    // 海南省 1997, line 38, as published: 182万元 for 182亿元.
    (
        "BG030",
        "全社会固定资产投资完成182万元，比上年下降8.1%。其中，基本建设投资137亿元，增长3.3%。\n",
    ),
    // 深圳市 2012, line 26, 增长12% changed to 21%.
    (
        "BG031",
        "居民人均可支配收入从3.24万元提高到3.63万元，增长21%；最低工资标准从每月1100元提高到1320元，增长20%。\n",
    ),
];

fn codes(text: &str, config: &Config) -> Vec<&'static str> {
    analysis::full(text, config)
        .findings
        .iter()
        .map(|f| f.code)
        .filter(|&code| rules::of_family(Family::Figures).any(|d| d.code == code))
        .collect()
}

#[test]
fn each_rule_finds_its_slip() {
    for (code, text) in SLIPS {
        assert_eq!(codes(text, &Config::default()), [code], "{text}");
    }
}

#[test]
fn the_family_is_turned_off_as_a_whole() {
    let family: Vec<&str> = rules::of_family(Family::Figures).map(|d| d.code).collect();
    assert_eq!(family, ["BG013", "BG028", "BG029", "BG030", "BG031"]);
    let from_toml = config::from_toml("[rules]\nfigures = \"off\"\n", "baogao.toml").unwrap();
    let from_editor =
        config::from_settings(&serde_json::json!({ "baogao": { "rules": { "figures": "off" } } }))
            .unwrap();
    assert_eq!(from_toml, from_editor);
    for (_, text) in SLIPS {
        assert!(codes(text, &from_editor).is_empty(), "{text}");
    }
    // A rule named beside its family wins.
    let one = config::from_settings(
        &serde_json::json!({ "rules": { "figures": "off", "BG030": "error" } }),
    )
    .unwrap();
    assert_eq!(codes(SLIPS[2].1, &one), ["BG030"]);
}
