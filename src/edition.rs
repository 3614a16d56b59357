//! Which edition of the app runs, as the page declares it on the mount element: the hosted
//! bundle, whose footer may offer the offline archive, or the single-file offline edition (see
//! `scripts/offline.mjs`). Pure: the user interface reads the attributes and passes them in.

/// The app's version, shown by the offline edition (a copy lives on without updates).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The offline archive offered for download: `data-offline-download` (its URL, relative to the
/// page) and `data-offline-bytes` (its size), written by the build into `index.html`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfflineDownload {
    pub href: String,
    pub bytes: u64,
}

impl OfflineDownload {
    /// None unless both attributes are there and the size is a positive number: a link whose
    /// size the page cannot state is not offered.
    pub fn from_attributes(href: Option<&str>, bytes: Option<&str>) -> Option<OfflineDownload> {
        let href = href.map(str::trim).filter(|h| !h.is_empty())?;
        let bytes = bytes?.trim().parse::<u64>().ok().filter(|b| *b > 0)?;
        Some(OfflineDownload {
            href: href.to_string(),
            bytes,
        })
    }
}

/// A file size for people, in decimal units as file managers show them: "850 KB", "1.3 MB".
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1000;
    const MB: u64 = 1000 * KB;
    if bytes < KB {
        format!("{bytes} B")
    } else if bytes < MB {
        format!("{} KB", (bytes + KB / 2) / KB)
    } else {
        // One decimal, rounded half up in integers (no float formatting surprises).
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_file_managers_show_them() {
        assert_eq!(file_size(0), "0 B");
        assert_eq!(file_size(999), "999 B");
        assert_eq!(file_size(1_000), "1 KB");
        assert_eq!(file_size(849_499), "849 KB");
        assert_eq!(file_size(999_499), "999 KB");
        assert_eq!(file_size(1_000_000), "1.0 MB");
        assert_eq!(file_size(1_349_999), "1.3 MB");
        assert_eq!(file_size(1_350_000), "1.4 MB");
        assert_eq!(file_size(12_960_000), "13.0 MB");
    }

    #[test]
    fn a_download_needs_a_url_and_a_positive_size() {
        let ok = OfflineDownload::from_attributes(Some("offline.zip"), Some("1234"));
        assert_eq!(
            ok,
            Some(OfflineDownload {
                href: "offline.zip".into(),
                bytes: 1234
            })
        );
        assert_eq!(OfflineDownload::from_attributes(None, Some("1234")), None);
        assert_eq!(
            OfflineDownload::from_attributes(Some(" "), Some("1234")),
            None
        );
        assert_eq!(OfflineDownload::from_attributes(Some("a.zip"), None), None);
        assert_eq!(
            OfflineDownload::from_attributes(Some("a.zip"), Some("0")),
            None
        );
        assert_eq!(
            OfflineDownload::from_attributes(Some("a.zip"), Some("-3")),
            None
        );
        assert_eq!(
            OfflineDownload::from_attributes(Some("a.zip"), Some("big")),
            None
        );
    }
}
