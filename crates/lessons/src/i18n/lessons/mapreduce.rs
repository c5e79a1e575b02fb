//! Texts of the `mapreduce` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("mapreduce.title", "Map-reduce: sales per region on N threads", "映射-归约：在 N 个线程上按地区汇总销售额"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.sales_north", "sales, north", "销售额：北区"),
    ("num.sales_south", "sales, south", "销售额：南区"),
    ("num.sales_east", "sales, east", "销售额：东区"),
    ("num.sales_west", "sales, west", "销售额：西区"),
    ("num.sales_online", "sales, online", "销售额：线上"),
    ("num.sales_total", "sales, all regions", "销售额：全部地区"),
    ("num.records_counted", "records counted", "已统计记录数"),
    ("mapreduce.notice", "Sales records are generated from a seed. Map: each chunk adds its records into its own small table of totals per region, touching nothing shared. Reduce: the tables are merged at the end. Because the totals are whole numbers, any thread count and any merge order give exactly the same totals; the reduce is short next to the map, so the speedup follows the cores.", "销售记录由种子生成。映射：每个分块把自己的记录累加到自己的一张小表（按地区汇总），不触碰任何共享数据。归约：最后合并这些表。由于总额都是整数，任何线程数、任何合并顺序都得到完全相同的结果；归约相对映射很短，所以加速比随核数增长。"),
    ("mapreduce.records", "sales records", "销售记录数"),
    ("mapreduce.chunk", "records per chunk", "每个分块的记录数"),
    ("mapreduce.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("mapreduce.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("mapreduce.seed", "seed", "随机种子"),
];
