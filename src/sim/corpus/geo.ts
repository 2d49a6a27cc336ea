// Places for Chinese delivery addresses: real provinces, cities and districts, and common road,
// estate and landmark names. Data only; address.ts composes them.

/** A city with some of its real districts. */
export interface City { city: string; districts: readonly string[] }
/** A province (or municipality) with some of its cities. */
export interface Province { province: string; cities: readonly City[]; weight: number }

// Weights roughly follow online-shopping volume by province (coastal provinces dominate).
/** Provinces with cities and districts, weighted by shopping volume. */
export const PROVINCES: readonly Province[] = [
  { province: '广东省', weight: 14, cities: [
    { city: '广州市', districts: ['天河区', '越秀区', '海珠区', '白云区', '番禺区'] },
    { city: '深圳市', districts: ['南山区', '福田区', '罗湖区', '宝安区', '龙岗区'] },
    { city: '东莞市', districts: ['南城街道', '东城街道', '长安镇', '虎门镇'] },
    { city: '佛山市', districts: ['禅城区', '南海区', '顺德区'] } ] },
  { province: '浙江省', weight: 10, cities: [
    { city: '杭州市', districts: ['西湖区', '拱墅区', '上城区', '滨江区', '余杭区'] },
    { city: '宁波市', districts: ['海曙区', '鄞州区', '江北区'] },
    { city: '金华市', districts: ['婺城区', '义乌市', '东阳市'] },
    { city: '温州市', districts: ['鹿城区', '瓯海区', '龙湾区'] } ] },
  { province: '江苏省', weight: 10, cities: [
    { city: '南京市', districts: ['鼓楼区', '玄武区', '秦淮区', '江宁区', '建邺区'] },
    { city: '苏州市', districts: ['姑苏区', '工业园区', '吴中区', '相城区'] },
    { city: '无锡市', districts: ['梁溪区', '滨湖区', '新吴区'] } ] },
  { province: '上海市', weight: 7, cities: [
    { city: '上海市', districts: ['浦东新区', '徐汇区', '静安区', '闵行区', '杨浦区', '普陀区'] } ] },
  { province: '北京市', weight: 7, cities: [
    { city: '北京市', districts: ['朝阳区', '海淀区', '东城区', '西城区', '丰台区', '昌平区'] } ] },
  { province: '山东省', weight: 7, cities: [
    { city: '济南市', districts: ['历下区', '市中区', '槐荫区'] },
    { city: '青岛市', districts: ['市南区', '市北区', '崂山区', '黄岛区'] },
    { city: '烟台市', districts: ['芝罘区', '莱山区'] } ] },
  { province: '四川省', weight: 5, cities: [
    { city: '成都市', districts: ['锦江区', '武侯区', '青羊区', '成华区', '高新区'] },
    { city: '绵阳市', districts: ['涪城区', '游仙区'] } ] },
  { province: '河南省', weight: 5, cities: [
    { city: '郑州市', districts: ['金水区', '二七区', '中原区', '管城回族区'] },
    { city: '洛阳市', districts: ['西工区', '洛龙区'] } ] },
  { province: '湖北省', weight: 4, cities: [
    { city: '武汉市', districts: ['武昌区', '江汉区', '洪山区', '汉阳区'] },
    { city: '宜昌市', districts: ['西陵区', '伍家岗区'] } ] },
  { province: '湖南省', weight: 4, cities: [
    { city: '长沙市', districts: ['岳麓区', '芙蓉区', '天心区', '开福区'] } ] },
  { province: '福建省', weight: 4, cities: [
    { city: '福州市', districts: ['鼓楼区', '台江区', '仓山区'] },
    { city: '厦门市', districts: ['思明区', '湖里区', '集美区'] } ] },
  { province: '河北省', weight: 3, cities: [
    { city: '石家庄市', districts: ['长安区', '桥西区', '裕华区'] },
    { city: '保定市', districts: ['竞秀区', '莲池区'] } ] },
  { province: '安徽省', weight: 3, cities: [
    { city: '合肥市', districts: ['蜀山区', '包河区', '庐阳区'] } ] },
  { province: '陕西省', weight: 3, cities: [
    { city: '西安市', districts: ['雁塔区', '碑林区', '未央区', '长安区'] } ] },
  { province: '重庆市', weight: 3, cities: [
    { city: '重庆市', districts: ['渝中区', '江北区', '南岸区', '渝北区', '沙坪坝区'] } ] },
  { province: '天津市', weight: 2, cities: [
    { city: '天津市', districts: ['和平区', '南开区', '河西区', '滨海新区'] } ] },
  { province: '辽宁省', weight: 2, cities: [
    { city: '沈阳市', districts: ['和平区', '沈河区', '浑南区'] },
    { city: '大连市', districts: ['中山区', '沙河口区', '甘井子区'] } ] },
  { province: '江西省', weight: 2, cities: [
    { city: '南昌市', districts: ['东湖区', '西湖区', '红谷滩区'] } ] },
  { province: '云南省', weight: 2, cities: [
    { city: '昆明市', districts: ['五华区', '盘龙区', '官渡区'] } ] },
  { province: '广西壮族自治区', weight: 2, cities: [
    { city: '南宁市', districts: ['青秀区', '兴宁区', '西乡塘区'] } ] },
  { province: '黑龙江省', weight: 1, cities: [
    { city: '哈尔滨市', districts: ['南岗区', '道里区', '香坊区'] } ] },
  { province: '山西省', weight: 1, cities: [
    { city: '太原市', districts: ['小店区', '迎泽区', '杏花岭区'] } ] },
];

/** Common road names. */
export const ROADS = ['人民路', '解放路', '中山路', '建设路', '文三路', '学院路', '长江路', '黄河路', '和平路',
  '新华路', '胜利路', '朝阳路', '光明路', '幸福路', '东风路', '青年路', '环城北路', '科技路', '滨江大道',
  '南京路', '北京路', '延安路', '天目山路', '花园路', '工业大道', '五一路', '迎宾大道', '金融街', '创业路',
  '丰收路', '石桥路', '翠柏路', '振兴路', '文化路', '体育路', '中华路', '民主路', '育才路', '江南大道', '高新大道'];

/** Common names of residential estates (小区). */
export const ESTATES = ['阳光花园', '金色家园', '翠苑', '万科城', '碧桂园', '绿城桂花苑', '保利香槟国际',
  '恒大名都', '龙湖春江郦城', '中海国际社区', '华润城', '新城公馆', '世纪花园', '锦绣江南', '紫金小区',
  '东方明珠苑', '和谐家园', '枫林湾', '丽景湾', '幸福里', '融创壹号院', '书香门第', '东湖小区', '湖畔居',
  '春晓苑', '星河湾', '御景园', '天鹅湖小区', '梧桐苑', '玫瑰园', '滨江花园', '锦华苑', '青山湖畔', '凤凰城'];

/** Office buildings, for work addresses. */
export const OFFICE_TOWERS = ['国际金融中心', '环球贸易广场', '创新大厦', '科技园A座', '财富中心', '时代广场',
  '软件园', '万达广场写字楼', '嘉里中心', '银泰中心'];

/** Places a vague address points at instead of a door: squares, stations, schools, hospitals. */
export const LANDMARKS = ['万达广场', '人民公园', '火车站', '地铁站A口', '汽车站', '市第一人民医院', '中心医院',
  '步行街', '体育中心', '大润发', '沃尔玛', '新华书店', '市政府', '中心广场', '客运站', '实验小学', '菜市场',
  '老街口', '大学城', '开发区管委会'];

/** Campus names for dormitory addresses (the campus-network look-alike). */
export const CAMPUSES = ['华东理工大学', '浙江工业大学', '南京工业大学', '四川大学', '华中科技大学', '郑州大学',
  '山东大学', '中南大学', '西安交通大学', '厦门大学'];
