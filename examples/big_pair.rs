//! Writes a big translation pair for speed and memory benches: copies of the
//! dev-data pairs, each copy's words passed through its own letter
//! substitution, so every copy has its own vocabulary (no twin verses across
//! copies) while keeping the real texts' shape, paraphrase and order. A gold
//! file in the dev-data format comes with it, so the quality bench can score
//! the big pair too.
//!
//! ```sh
//! cargo run --release --example big_pair -- /tmp/big6          # 6.2 MB: 5 copies of en_anderson_noyes
//! cargo run --release --example big_pair -- /tmp/big10 --mix 4 # 9.6 MB: 4 copies each of en and de
//! cargo run --release --example big_pair -- /tmp/revision --revision # big6's left and a revised draft of it
//! cargo run --release --example quality -- /tmp/big6/big       # scored like the dev pairs
//! ```
//!
//! The data dir is `$DIPTYCH_DEV_DATA`, else `../shared/dev-data` beside the
//! project, else `/work/shared/dev-data`.

#[path = "../tests/support/dev_data.rs"]
mod dev_data;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dev_data::dev_data_dir;

/// One dev-data pair as read from disk.
struct Source {
    left: Vec<String>,
    right: Vec<String>,
    gold: Vec<(usize, usize)>,
}

fn main() {
    if let Err(message) = run() {
        eprintln!("big_pair: {message}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: big_pair OUT_DIR [--mix N | --copies N] [--revision]")?,
    );
    let mut plan: Vec<&str> = vec!["en_anderson_noyes"; 5];
    let mut revision = false;
    while let Some(flag) = args.next() {
        if flag == "--revision" {
            revision = true;
            continue;
        }
        let n: usize = args
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or(format!("{flag} needs a number"))?;
        plan = match flag.as_str() {
            "--copies" => vec!["en_anderson_noyes"; n],
            "--mix" => ["en_anderson_noyes", "de_tafel_albrecht"].repeat(n),
            _ => return Err(format!("unknown flag {flag}")),
        };
    }
    let data = dev_data_dir();
    let (mut left, mut right, mut gold) = (String::new(), String::new(), String::new());
    gold.push_str("left_para\tright_para\tverse_id\n");
    let (mut left_base, mut right_base) = (0, 0);
    for (copy, prefix) in plan.iter().enumerate() {
        let source = read_source(&data, prefix)?;
        let cipher = Cipher::new(copy as u64);
        for para in &source.left {
            left.push_str(&cipher.apply(para));
            left.push_str("\n\n");
        }
        for para in &source.right {
            right.push_str(&cipher.apply(para));
            right.push_str("\n\n");
        }
        for (i, (l, r)) in source.gold.iter().enumerate() {
            let _ = writeln!(
                gold,
                "{}\t{}\tcopy{copy}:{i}",
                l + left_base,
                r + right_base
            );
        }
        left_base += source.left.len();
        right_base += source.right.len();
    }
    if revision {
        (right, gold) = revised(&left);
        right_base = right.matches("\n\n").count();
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (name, text) in [
        ("big_left.txt", &left),
        ("big_right.txt", &right),
        ("big_gold.tsv", &gold),
    ] {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "wrote {}/big_{{left.txt,right.txt,gold.tsv}}: {:.2} MB + {:.2} MB, {left_base} + {right_base} paragraphs",
        out.display(),
        left.len() as f64 / 1e6,
        right.len() as f64 / 1e6,
    );
    Ok(())
}

/// A revised draft of `left`: every 40th paragraph has its middle word
/// replaced, every 500th (from the 8th) is deleted, the rest is kept as
/// it is; with its gold (each kept paragraph to its new place).
fn revised(left: &str) -> (String, String) {
    let mut right = String::new();
    let mut gold = String::from("left_para\tright_para\tverse_id\n");
    let mut kept = 0;
    for (i, para) in left.split("\n\n").filter(|p| !p.is_empty()).enumerate() {
        if i % 500 == 7 {
            continue;
        }
        if i % 40 == 0 {
            let mut words: Vec<&str> = para.split(' ').collect();
            let middle = words.len() / 2;
            words[middle] = "changed";
            right.push_str(&words.join(" "));
        } else {
            right.push_str(para);
        }
        right.push_str("\n\n");
        let _ = writeln!(gold, "{i}\t{kept}\trevision:{i}");
        kept += 1;
    }
    (right, gold)
}

fn read_source(data: &Path, prefix: &str) -> Result<Source, String> {
    let read = |suffix: &str| {
        let path = data.join(format!("{prefix}_{suffix}"));
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let paragraphs = |text: String| -> Vec<String> {
        text.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    };
    let gold = read("gold.tsv")?
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            Some((cols.next()?.parse().ok()?, cols.next()?.parse().ok()?))
        })
        .collect();
    Ok(Source {
        left: paragraphs(read("left.txt")?),
        right: paragraphs(read("right.txt")?),
        gold,
    })
}

/// A letter substitution (a permutation of a–z, case kept); copy 0 is the
/// identity so the first copy is the real text.
struct Cipher([u8; 26]);

impl Cipher {
    fn new(copy: u64) -> Self {
        let mut table: [u8; 26] = std::array::from_fn(|i| b'a' + i as u8);
        let mut state = copy.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        if copy > 0 {
            for i in (1..26).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                table.swap(i, (state % (i as u64 + 1)) as usize);
            }
        }
        Cipher(table)
    }

    fn apply(&self, text: &str) -> String {
        text.chars()
            .map(|c| match c {
                'a'..='z' => self.0[c as usize - 'a' as usize] as char,
                'A'..='Z' => self.0[c as usize - 'A' as usize].to_ascii_uppercase() as char,
                _ => c,
            })
            .collect()
    }
}
