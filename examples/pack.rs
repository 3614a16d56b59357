//! Writes `public/data/policy-2021.pack`, the bundled dataset in the form the app loads
//! (`it_policy_explorer::pack`). Run after the dataset changes: `cargo run --example pack`
//! (the `pack` module's tests fail while the file is stale; then set `check::SHIPPED_PACK_SHA256`
//! to the SHA-256 this prints).

use std::path::Path;

use it_policy_explorer::model::Dataset;

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let json = std::fs::read_to_string(dir.join("policy-2021.json"))?;
    let data = Dataset::from_json(&json).map_err(|e| std::io::Error::other(e.to_string()))?;
    let pack = data.to_pack();
    std::fs::write(dir.join("policy-2021.pack"), &pack)?;
    println!("wrote public/data/policy-2021.pack ({} bytes)", pack.len());
    Ok(())
}
