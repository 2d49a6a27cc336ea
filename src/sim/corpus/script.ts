// Ways the same Chinese text is written: traditional script, full-width digits, numbers in Chinese
// characters, digits split by spaces. Abusers use them to slip past keyword lists, and ordinary
// users from Hong Kong and Taiwan simply write traditional characters.

// Simplified → traditional for the characters our corpora use (one-to-one cases only).
const S2T: Record<string, string> = Object.fromEntries(
  ('质質 量量 发發 货貨 宝寶 贝貝 给給 这這 个個 们們 说說 话話 买買 卖賣 东東 钱錢 转轉 让讓 还還 会會 ' +
   '开開 关關 门門 问問 题題 时時 间間 长長 后後 来來 对對 么麼 样樣 见見 觉覺 实實 车車 颜顏 ' +
   '尺尺 码碼 偏偏 号號 专專 业業 删刪 评評 认認 为為 诉訴 举舉 报報 处處 罚罰 赔賠 偿償 双雙 ' +
   '倍倍 费費 职職 团團 诚誠 购購 价價 优優 惠惠 务務 联聯 系繫 约約 贴貼 应應 该該 错錯 误誤 ' +
   '坏壞 烂爛 损損 递遞 运運 输輸 装裝 满滿 够夠 级級 舒舒 适適 欢歡 诺諾 帮幫 谢謝 经經 过過 ' +
   '边邊 里裏 听聽 电電 打打 机機 网網 站站 卫衛 证證 据據 图圖 检檢 测測 虚虛 假假 标標 签簽 ' +
   '规規 则則 权權 益益 责責 负負 难難 气氣 态態 度度 热熱 情情 厂廠 齐齊 划劃 币幣 万萬 ' +
   '亿億 无無 条條 件件 总總 归歸 准準 备備 据據 读讀 写寫 纸紙 张張 页頁 颗顆 粒粒 饼餅 干乾 ' +
   '鸡雞 鱼魚 肉肉 现現 场場 从從 头頭 脑腦 习習 惯慣 顺順 丰豐 袜襪 鞋鞋 线線 缝縫 针針 织織 ' +
   '锅鍋 灯燈 两兩 环環 节節 礼禮 盒盒 护護 肤膚 霜霜 脸臉 尽盡 试試 讲講 识識 别別 后後 ' +
   '话話 绝絕 决決 办辦 连連 续續 骚騷 扰擾 威威 胁脅 吓嚇 没沒 种種 烦煩 恼惱 赶趕 紧緊 ' +
   '术術 师師 删刪 除除 改改 内內 容容 刷刷 单單 动動 态態 销銷 润潤 补補 贵貴 值值 ' +
   '觉覺 得得 亲親 爱愛 层層 软軟 硬硬 轻輕 重重 难難 闻聞 脏髒 乱亂 卷捲 库庫 仓倉 ' +
   '旧舊 传傳 块塊 邮郵 营營 养養 药藥 饭飯 馆館 岁歲 体體 广廣 厅廳 员員 样樣 啰囉 剂劑 险險 证證')
    .trim().split(/\s+/).map((pair) => [pair[0]!, pair[1]!]),
);

/** The text in traditional characters (for the characters the corpora use). */
export function toTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += S2T[ch] ?? ch;
  return out;
}

/** ASCII digits and letters as full-width forms: 388 → ３８８. */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const DIGITS = '零一二三四五六七八九';

export { toChineseNumber } from '../../text/index.js';

/** Digits written one by one in Chinese characters: 501 → 五零一 (how room numbers are said). */
export function toChineseDigits(text: string): string {
  return text.replace(/[0-9]/g, (c) => DIGITS[Number(c)]!);
}

/** Digits separated by spaces: 388 → 3 8 8. */
export function splitDigits(text: string): string {
  return text.replace(/\d{2,}/g, (m) => m.split('').join(' '));
}

/** Characters separated by a filler (删*差*评) so that a keyword list misses them. */
export function interleave(word: string, filler: string): string {
  return [...word].join(filler);
}
