//! Writes the Frictionless data package of the bundled dataset into `public/data/`:
//! `datapackage.json` and one CSV per table. Run after the dataset changes:
//! `cargo run --example datapackage` (`tests/datapackage.rs` fails while the files are stale).

use std::path::Path;

use it_policy_explorer::export::data_package;
use it_policy_explorer::model::Dataset;

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let json = std::fs::read_to_string(dir.join("policy-2021.json"))?;
    let schema = std::fs::metadata(dir.join("policy-2021.schema.json"))?.len() as usize;
    let data = Dataset::from_json(&json).map_err(|e| std::io::Error::other(e.to_string()))?;
    for (name, content) in data_package(&data, json.len(), schema) {
        std::fs::write(dir.join(&name), content)?;
        println!("wrote public/data/{name}");
    }
    Ok(())
}
