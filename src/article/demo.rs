//! The demo corpus, compiled into the binary so `diptych` with no arguments
//! works from any directory: five outlets' reports of one news event.

/// File name and text of each embedded seed article, in file-name order.
pub const DEMO_CORPUS: &[(&str, &str)] = &[
    (
        "000_47682a1b1ced074d.txt",
        include_str!("../../seeds/000_47682a1b1ced074d.txt"),
    ),
    (
        "001_56c06cd4d7a87d44.txt",
        include_str!("../../seeds/001_56c06cd4d7a87d44.txt"),
    ),
    (
        "002_d42acb917f64d2f5.txt",
        include_str!("../../seeds/002_d42acb917f64d2f5.txt"),
    ),
    (
        "003_6d3aa61ff06ef825.txt",
        include_str!("../../seeds/003_6d3aa61ff06ef825.txt"),
    ),
    (
        "004_4671dde41271b601.txt",
        include_str!("../../seeds/004_4671dde41271b601.txt"),
    ),
];
