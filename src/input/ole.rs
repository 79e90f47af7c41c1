//! OLE2 compound files, which baogao does not read: Word 97–2003 `.doc`,
//! WPS `.wps`, and a `.docx` saved with a password, which Word wraps in an
//! OLE2 container holding an `EncryptionInfo` stream beside the encrypted
//! package. Telling them apart lets the error say what to do.

use std::io::Read;

/// The reason an OLE2 file is refused.
pub fn refuse(reader: impl Read) -> String {
    if has_encryption_info(reader) {
        "encrypted: remove the password in Word and save again".to_string()
    } else {
        "a Word 97–2003 / WPS binary: save it as .docx".to_string()
    }
}

/// Directory entries are 128 bytes, each at a multiple of 128 from the
/// start of the file (sectors are 512 or 4096 bytes after a header of one
/// sector), and begin with the entry's name in UTF-16LE; the name's length
/// in bytes, terminator included, is at byte 64 of the entry.
const ENTRY: usize = 128;
const NAME_LENGTH_AT: usize = 64;

/// Whether some directory entry names the stream `EncryptionInfo`. Reading
/// entry-sized slots in order needs no parsing of the file's allocation
/// tables, which a damaged file could make loop; a read error ends the
/// search.
fn has_encryption_info(mut reader: impl Read) -> bool {
    let name: Vec<u8> = "EncryptionInfo\0"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let Ok(length) = u16::try_from(name.len()) else {
        return false;
    };
    let mut slot = [0u8; ENTRY];
    loop {
        match read_slot(&mut reader, &mut slot) {
            Ok(true) => {}
            _ => return false,
        }
        let named = slot.starts_with(&name)
            && slot.get(NAME_LENGTH_AT..NAME_LENGTH_AT + 2) == Some(&length.to_le_bytes()[..]);
        if named {
            return true;
        }
    }
}

/// Fills `slot`; false at the end of the input (a last partial slot holds
/// no whole entry).
fn read_slot(reader: &mut impl Read, slot: &mut [u8]) -> std::io::Result<bool> {
    let mut filled = 0;
    while let Some(rest) = slot.get_mut(filled..).filter(|r| !r.is_empty()) {
        match reader.read(rest) {
            Ok(0) => return Ok(false),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}
