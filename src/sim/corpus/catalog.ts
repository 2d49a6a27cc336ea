// Product categories with plausible price and parcel-weight ranges, and words for titles and
// shop names. Prices are in fen; weights in grams (the goods, without packaging).

/** One category of goods. */
export interface Category {
  id: string;
  /** Relative number of shops in this category. */
  shops: number;
  /** Typical listed prices, fen. */
  priceFen: readonly [number, number];
  /** Weight of one unit, grams. */
  weightG: readonly [number, number];
  /** Nouns for item titles. */
  nouns: readonly string[];
  /** Words for shop names. */
  shopWords: readonly string[];
  /** True for goods that break in transit (genuine damage refunds are about these). */
  fragile?: boolean;
}

/** The categories of goods, with how many shops each has relative to the others. */
export const CATEGORIES: readonly Category[] = [
  { id: 'apparel', shops: 18, priceFen: [2990, 39900], weightG: [120, 900],
    nouns: ['女士无钢圈内衣', '纯棉T恤', '连帽卫衣', '加绒打底裤', '羊毛针织衫', '牛仔裤', '羽绒服', '冲锋衣', '睡衣套装', '棉袜五双装'],
    shopWords: ['服饰', '女装', '内衣', '男装', '工厂店'] },
  { id: 'beauty', shops: 10, priceFen: [3900, 89900], weightG: [50, 500],
    nouns: ['保湿面霜', '精华液', '洗面奶', '防晒霜', '口红', '面膜十片装', '粉底液', '眼霜', '卸妆油'],
    shopWords: ['美妆', '化妆品', '护肤', '彩妆'], fragile: true },
  { id: 'electronics', shops: 10, priceFen: [9900, 899900], weightG: [150, 3000],
    nouns: ['蓝牙耳机', '智能手表', '充电宝', '机械键盘', '无线鼠标', '平板电脑', '手机', '显示器', '移动硬盘', '路由器'],
    shopWords: ['数码', '电子', '科技', '3C'], fragile: true },
  { id: 'home', shops: 12, priceFen: [1900, 59900], weightG: [200, 6000],
    nouns: ['四件套', '乳胶枕', '收纳箱', '保温杯', '不粘锅', '拖把', '毛巾三条装', '台灯', '地毯', '玻璃花瓶'],
    shopWords: ['家居', '家纺', '生活馆', '日用'], fragile: true },
  { id: 'food', shops: 12, priceFen: [990, 19900], weightG: [200, 3000],
    nouns: ['每日坚果', '牛肉干', '手工饼干', '螺蛳粉', '红枣', '枸杞', '茶叶礼盒', '蜂蜜', '土鸡蛋三十枚', '辣条'],
    shopWords: ['食品', '零食', '特产', '农场'], fragile: true },
  { id: 'mother_baby', shops: 6, priceFen: [2900, 69900], weightG: [200, 5000],
    nouns: ['纸尿裤', '婴儿奶粉', '儿童保温杯', '婴儿湿巾', '宝宝辅食', '儿童餐椅'],
    shopWords: ['母婴', '童装', '宝贝屋'] },
  { id: 'sports', shops: 6, priceFen: [4900, 129900], weightG: [300, 8000],
    nouns: ['瑜伽垫', '跑步鞋', '哑铃', '篮球', '羽毛球拍', '运动背包', '跳绳'],
    shopWords: ['运动', '户外', '体育'] },
  { id: 'shoes', shops: 7, priceFen: [9900, 159900], weightG: [600, 1500],
    nouns: ['运动鞋', '马丁靴', '帆布鞋', '限量联名球鞋', '休闲皮鞋', '雪地靴'],
    shopWords: ['鞋业', '鞋靴', '潮鞋'] },
  { id: 'books', shops: 4, priceFen: [1500, 19900], weightG: [300, 1500],
    nouns: ['考研真题', '儿童绘本套装', '小说', '英语词典', '编程入门', '历史读物'],
    shopWords: ['书店', '图书', '文化'] },
  { id: 'liquor', shops: 3, priceFen: [5900, 299900], weightG: [900, 2500],
    nouns: ['飞天茅台53度500ml', '五粮液', '红酒两支装', '白酒礼盒', '精酿啤酒十二瓶'],
    shopWords: ['酒业', '名酒', '酒行'], fragile: true },
];

/** Title adjectives to vary item names. */
export const TITLE_WORDS = ['2026新款', '爆款', '官方正品', '加厚', '大容量', '韩版', '简约', '升级款', '冬季',
  '网红同款', '家用', '便携', '学生', '高端', '清仓'];

/** Shop name suffixes. */
export const SHOP_SUFFIXES = ['旗舰店', '专营店', '工厂店', '小店', '官方店', '优选', '严选'];

/** Carriers and their tracking-number prefixes. */
export const CARRIERS: readonly (readonly [string, string])[] = [
  ['zto', 'ZT'], ['yto', 'YT'], ['sto', 'ST'], ['yunda', 'YD'], ['sf', 'SF'], ['jd', 'JDV'], ['ems', 'EM'],
];
