//! The parts of a `.docx` as a stream of WordprocessingML elements and
//! text: namespaces resolved (a part may bind any prefix), markup-
//! compatibility fallbacks dropped (they repeat the choice before them in
//! older markup), entities resolved.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// WordprocessingML, transitional and strict.
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MARKUP_COMPATIBILITY: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// One step through a part.
pub enum Item<'e> {
    /// A WordprocessingML element opens; `empty` when it closes at once.
    Open {
        name: &'e str,
        element: &'e BytesStart<'e>,
        empty: bool,
    },
    /// A WordprocessingML element closes.
    Close { name: &'e str },
    /// Text, anywhere: whether it counts is the caller's to say.
    Text(&'e str),
    /// An element of another namespace opens: only the relationships
    /// part, which has no WordprocessingML, needs these.
    Foreign {
        name: &'e str,
        element: &'e BytesStart<'e>,
    },
}

/// Calls `visit` on each item of `xml` in order, leaving out the elements
/// named in `skipped` (WordprocessingML local names) with all they hold.
pub fn walk(
    xml: &str,
    skipped: &[&str],
    mut visit: impl FnMut(Item<'_>),
) -> Result<(), quick_xml::Error> {
    let mut reader = NsReader::from_str(xml);
    // Depth inside a left-out element, 0 outside any.
    let mut skipping = 0usize;
    loop {
        let (ns, event) = reader.read_resolved_event()?;
        let is_w = matches!(ns, ResolveResult::Bound(n) if W.contains(&n.as_ref()));
        let is_mc = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == MARKUP_COMPATIBILITY);
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                let name = local.as_ref();
                let left_out = (is_w && skipped.contains(&name)) || (is_mc && name == "Fallback");
                if skipping > 0 || left_out {
                    // An empty element holds nothing to leave out.
                    if !empty {
                        skipping += 1;
                    }
                } else if is_w {
                    visit(Item::Open {
                        name,
                        element: &e,
                        empty,
                    });
                } else {
                    visit(Item::Foreign { name, element: &e });
                }
            }
            Event::End(e) => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                if is_w {
                    visit(Item::Close {
                        name: e.local_name().as_ref(),
                    });
                }
            }
            Event::Text(t) if skipping == 0 => visit(Item::Text(&t.xml10_content())),
            Event::CData(t) if skipping == 0 => visit(Item::Text(&t.xml10_content())),
            Event::GeneralRef(r) if skipping == 0 => {
                let mut utf8 = [0u8; 4];
                if let Some(ch) = r.resolve_char_ref()? {
                    visit(Item::Text(ch.encode_utf8(&mut utf8)));
                } else if let Some(text) = quick_xml::escape::resolve_predefined_entity(&r) {
                    visit(Item::Text(text));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of the attribute whose local name is `name` (`w:val` and
/// `val` alike), entities resolved.
pub fn attr(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// An on/off property (`<w:vanish/>`, `<w:isLgl w:val="0"/>`): on unless
/// its value says off.
pub fn is_on(element: &BytesStart<'_>) -> bool {
    !matches!(attr(element, "val").as_deref(), Some("0" | "false" | "off"))
}
